import ArgumentParser
import Foundation
import PortalKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Language.text(ja: "何も書き出さずに原稿を検査します（リンク、見直し時期、要記入の連絡先、データファイル）。", en: "Validate the content without writing anything: links, review dates, placeholders, data files.")
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp(Language.text(ja: "原稿のフォルダー。", en: "The content folder.")))
    var content: String = "content"

    @Option(help: ArgumentHelp(Language.text(ja: "テンプレートのフォルダー。", en: "The templates folder.")))
    var templates: String = "templates"

    @Option(help: ArgumentHelp(Language.text(ja: "出力の形式: text または json。", en: "Output format: text or json.")))
    var format: Format = .text

    @Flag(help: ArgumentHelp(Language.text(ja: "警告があっても終了ステータス 1 にします。", en: "Exit 1 on warnings too.")))
    var strict = false

    @Option(help: ArgumentHelp("The date to check review dates against (YYYY-MM-DD); default today.", visibility: .hidden))
    var today: String?

    func run() async throws {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ p: String) -> URL { p.hasPrefix("/") ? URL(fileURLWithPath: p) : base.appendingPathComponent(p) }
        guard let date = today.map({ LocalDate(parsing: $0) }) ?? LocalDate.today() else {
            throw ValidationError(Language.text(ja: "--today は YYYY-MM-DD の形の日付で指定してください", en: "--today must be a date written YYYY-MM-DD"))
        }
        let report = await SiteChecker.check(content: url(content), contentDisplay: content, templates: url(templates),
                                             templatesDisplay: templates, today: date)
        switch format {
        case .json:
            print(SiteChecker.json(report), terminator: "")
        case .text:
            report.diagnostics.forEach { print($0.text(Language.current)) }
            if let r = report.registry {
                let parts = r.rows.map { "\($0.category.label) \($0.count)" + ($0.pentest.map { "（ペネトレーションテストあり \($0)）" } ?? "") }
                print(Language.text(ja: "基準適合サービスリスト: \(r.total) 件（", en: "registry: \(r.total) services: ") + parts.joined(separator: ", ") + Language.text(ja: "）", en: ""))
            }
            // Under --strict warnings fail the run: the line says so, or "エラー 0 件" and exit 1 disagree.
            let failedByStrict = strict && report.errorCount == 0 && report.warningCount > 0
            print(Language.text(ja: "エラー \(report.errorCount) 件、警告 \(report.warningCount) 件（\(report.pageCount) ページを検査）" + (failedByStrict ? "。--strict のため警告で失敗しました" : ""),
                                en: "\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s"), \(report.pageCount) pages checked" + (failedByStrict ? "; failed on warnings (--strict)" : "")))
        }
        if report.errorCount > 0 || (strict && report.warningCount > 0) {
            throw ExitCode(1)
        }
    }
}
