import ArgumentParser
import Foundation
import PortalKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: Language.text(ja: "新しいポータルのひな形（content/ と templates/）を作ります。すぐに build できます。",
                                en: "Write a small working portal (content/ and templates/) to start from; it builds at once.")
    )

    @Argument(help: ArgumentHelp(Language.text(ja: "作る場所（既定は現在のフォルダー）。", en: "Where to write it (the current folder by default).")))
    var folder: String = "."

    @Option(help: ArgumentHelp(Language.text(ja: "ポータルの題名。", en: "The portal's title.")))
    var title: String = "サイバーセキュリティ対策ポータル"

    @Option(help: ArgumentHelp(Language.text(ja: "コピーするテンプレートのフォルダー（既定はこの portal に付属のもの）。",
                                             en: "The templates to copy (by default, those this portal came with).")))
    var templates: String?

    func run() throws {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let target = URL(fileURLWithPath: folder, relativeTo: base).standardizedFileURL
        guard let source = templates.map({ URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL }) ?? BundledTemplates.find() else {
            Console.error(Language.text(ja: "エラー: コピーするテンプレートが見つかりません。--templates でフォルダーを指定してください",
                                        en: "error: cannot find the templates to copy; name them with --templates"))
            throw ExitCode(1)
        }
        guard let today = LocalDate.today() else { throw ExitCode(1) }
        do {
            let written = try StarterPortal.write(to: target, templates: source, title: title, today: today)
            let shown = folder == "." ? "" : folder.hasSuffix("/") ? folder : folder + "/"
            for path in written { print(Language.text(ja: "作成: ", en: "wrote ") + shown + path) }
            let cd = folder == "." ? "" : "cd \(folder) && "
            print(Language.text(
                ja: "\n次は \(cd)portal build を実行し、output/index.html をブラウザーで開いてください。\ncontent/contacts.yml の「要記入」と content/services/services.csv（IPA 公開の基準適合サービスリスト）を自社用に差し替えます。",
                en: "\nNext: \(cd)portal build, then open output/index.html in a browser.\nFill in content/contacts.yml and replace content/services/services.csv with the list IPA publishes."))
        } catch {
            switch error {
            case .exists(let name):
                Console.error(Language.text(ja: "エラー: \(shownPath(name)) がすでにあります。上書きはしません（別のフォルダーを指定してください）",
                                            en: "error: \(shownPath(name)) already exists; nothing was written (choose another folder)"))
            case .noTemplates(let path):
                Console.error(Language.text(ja: "エラー: \(path) にテンプレート（page.mustache など）がありません", en: "error: \(path) holds no templates (page.mustache, …)"))
            case .write(let path, let reason):
                Console.error(Language.text(ja: "エラー: \(path) に書き込めません: \(reason)", en: "error: cannot write to \(path): \(reason)"))
            }
            throw ExitCode(1)
        }
    }

    private func shownPath(_ name: String) -> String { folder == "." ? name + "/" : (folder as NSString).appendingPathComponent(name) + "/" }
}

/// Where the templates this binary came with are: beside an installed binary
/// (`<prefix>/share/portal/templates`) or in the repository it was built in.
enum BundledTemplates {
    static func find() -> URL? {
        var roots: [URL] = []
        if let exe = Bundle.main.executableURL { roots.append(exe.deletingLastPathComponent()) }
        roots.append(URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).deletingLastPathComponent())
        let relatives = ["../share/portal/templates", "../../templates", "../../../templates"]
        for root in roots {
            for relative in relatives {
                let candidate = root.appendingPathComponent(relative).standardizedFileURL
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("page.mustache").path) { return candidate }
            }
        }
        return nil
    }
}
