import ArgumentParser
import Foundation
import PortalKit

struct ServicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: Language.text(ja: "基準適合サービスリストを絞り込んで表示します（例: --category 脆弱性診断 --pentest）。",
                                en: "Print the registry of services found conforming to the standard (基準適合), filtered (e.g. --category 脆弱性診断 --pentest).")
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Option(help: ArgumentHelp(Language.text(ja: "原稿のフォルダー。", en: "The content folder.")))
    var content: String = "content"

    @Option(name: .customLong("category"), help: ArgumentHelp(Language.text(ja: "サービス種別（id・名称・別名）。繰り返して複数指定できます。", en: "A category id, name or alias; repeat for several.")))
    var categories: [String] = []

    @Flag(help: ArgumentHelp(Language.text(ja: "ペネトレーションテストありのサービスだけ。", en: "Only services with penetration testing.")))
    var pentest = false

    @Option(help: ArgumentHelp(Language.text(ja: "サービス名・事業者名・概要にすべて含まれる語（全角・半角、大文字・小文字は区別しません）。", en: "Words that must all appear in name, provider or summary (full/half width and case folded).")))
    var query: String = ""

    @Option(help: ArgumentHelp(Language.text(ja: "出力の形式: table、csv または json。", en: "Output format: table, csv or json.")))
    var format: Format = .table

    @Option(help: ArgumentHelp(Language.text(ja: "CSV の見出し: ja（リストと同じ日本語の見出し、BOM 付きで Excel 向け）または en（portal の列名、ツール向け）。", en: "CSV headings: ja (the list's own, with a BOM, for Excel) or en (portal's column names, for tools).")))
    var headings: RegistryCommandSupport.Headings = .ja

    func run() throws {
        let folder = ContentFolder(root: URL(fileURLWithPath: content, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)), displayRoot: content)
        let registry: Registry
        do {
            registry = try RegistryCommandSupport.load(content: folder)
        } catch {
            error.diagnostics.forEach { Console.error($0.text(Language.current)) }
            throw ExitCode(1)
        }
        let services: [Service]
        do {
            services = try RegistryQuery(categories: categories, pentestOnly: pentest, text: query).apply(to: registry)
        } catch {
            switch error {
            case .unknownCategory(let name, let valid, let suggestion):
                let hint = suggestion.map { Language.text(ja: "もしかして '\($0)'？ ", en: "did you mean '\($0)'? ") } ?? ""
                Console.error(Language.text(ja: "エラー: 種別 '\(name)' はありません。\(hint)使える種別: \(valid.joined(separator: "、"))",
                                            en: "error: unknown category '\(name)'; \(hint)valid categories: \(valid.joined(separator: ", "))"))
            case .noPentestOption(let names, let withOption):
                let asked = names.joined(separator: Language.text(ja: "・", en: ", "))
                Console.error(Language.text(
                    ja: "エラー: \(asked) にはペネトレーションテストのオプションがありません（オプションがあるのは \(withOption.joined(separator: "・")) だけです）。--pentest を外すか、--category \(withOption.first ?? "脆弱性診断") を指定してください",
                    en: "error: \(asked) has no penetration-testing option (only \(withOption.joined(separator: ", ")) has); drop --pentest or use --category \(withOption.first ?? "脆弱性診断")"))
            }
            throw ExitCode(2)
        }
        switch format {
        case .table: print(RegistryCommandSupport.table(services, registry: registry), terminator: "")
        case .csv: print(RegistryCommandSupport.csv(services, registry: registry, headings: headings), terminator: "")
        case .json: print(RegistryCommandSupport.json(services, registry: registry), terminator: "")
        }
    }
}

extension RegistryCommandSupport.Headings: ExpressibleByArgument {}
