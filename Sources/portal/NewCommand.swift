import ArgumentParser
import Foundation
import PortalKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: Language.text(ja: "新しいページを作ります（portal new page guidance/名前.md --title …）。",
                                en: "Add a new page (portal new page guidance/NAME.md --title …)."),
        subcommands: [NewPageCommand.self]
    )
}

struct NewPageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: Language.text(ja: "ガイダンスのページを、front matter（題名・今日の日付）を記入して作ります。既存のファイルは上書きしません。",
                                en: "Write a guidance page with its front matter filled in (title, today's date); never overwrites.")
    )

    @Argument(help: ArgumentHelp(Language.text(ja: "content フォルダーの中のパス（例: guidance/backup.md）。ファイル名が URL になります。",
                                               en: "Its path inside the content folder (e.g. guidance/backup.md); the file name becomes its URL.")))
    var path: String

    @Option(help: ArgumentHelp(Language.text(ja: "ページの題名。", en: "The page's title.")))
    var title: String

    @Option(help: ArgumentHelp(Language.text(ja: "一覧に出る1〜2文の説明。", en: "One or two sentences for the lists.")))
    var summary: String = ""

    @Option(help: ArgumentHelp(Language.text(ja: "site.yml の guidance_groups のどれか。", en: "One of site.yml's guidance_groups.")))
    var group: String?

    @Option(help: ArgumentHelp(Language.text(ja: "content フォルダー。", en: "The content folder.")))
    var content: String = "content"

    func run() throws {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = ContentFolder(root: URL(fileURLWithPath: content, relativeTo: base), displayRoot: content)
        guard let today = LocalDate.today() else { throw ExitCode(1) }
        do {
            let slug = try NewPage.write(path, content: folder, title: title, summary: summary, group: group, today: today)
            print(Language.text(ja: "作成: \(folder.displayPath(path))（URL は guidance/\(slug).html）", en: "wrote \(folder.displayPath(path)) (its URL: guidance/\(slug).html)"))
        } catch {
            switch error {
            case .notGuidance(let path):
                // The path is read from the content folder: `content/guidance/a.md` names it twice.
                let meant = path.hasPrefix(content + "/guidance/") ? String(path.dropFirst(content.count + 1)) : nil
                Console.error(Language.text(ja: "エラー: '\(path)' はガイダンスのページになりません。guidance/名前.md の形で指定してください" + (meant.map { "（もしかして '\($0)'？）" } ?? ""),
                                            en: "error: '\(path)' is not a guidance page; give it as guidance/NAME.md" + (meant.map { " (did you mean '\($0)'?)" } ?? "")))
                throw ExitCode(2)
            case .badSlug(let stem):
                Console.error(Language.text(ja: "エラー: ファイル名 '\(stem)' は URL に使えません。半角英小文字・数字・'-' で付けてください（例: guidance/backup-steps.md）",
                                            en: "error: file name '\(stem)' cannot be used in a URL; use lower-case ASCII letters, digits and '-' (e.g. guidance/backup-steps.md)"))
                throw ExitCode(2)
            case .exists(let path):
                Console.error(Language.text(ja: "エラー: \(path) はすでにあります。上書きはしません", en: "error: \(path) already exists; nothing was written"))
            case .slugTaken(let slug, let other):
                Console.error(Language.text(ja: "エラー: URL 'guidance/\(slug).html' は \(other) が使っています。別のファイル名にしてください",
                                            en: "error: the URL 'guidance/\(slug).html' is taken by \(other); choose another file name"))
            case .unknownGroup(let group, let groups):
                let known = groups.isEmpty ? Language.text(ja: "（site.yml に guidance_groups がありません）", en: " (none: add guidance_groups to site.yml)")
                    : Language.text(ja: "（\(groups.joined(separator: "、"))）", en: " (\(groups.joined(separator: ", ")))")
                let hint = Suggestion.closest(to: group, in: groups).map { Language.text(ja: "もしかして '\($0)'？ ", en: "did you mean '\($0)'? ") } ?? ""
                Console.error(Language.text(ja: "エラー: グループ '\(group)' は site.yml の guidance_groups にありません。\(hint)\(known)",
                                            en: "error: group '\(group)' is not one of site.yml's guidance_groups; \(hint)known groups:\(known)"))
                throw ExitCode(2)
            case .write(let path, let reason):
                Console.error(Language.text(ja: "エラー: \(path) に書き込めません: \(reason)", en: "error: cannot write \(path): \(reason)"))
            }
            throw ExitCode(1)
        }
    }
}
