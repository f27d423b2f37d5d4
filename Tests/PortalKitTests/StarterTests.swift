import Foundation
import Testing
@testable import PortalKit

/// `portal init` and `portal new page`, run as an editor would.
extension CLITests {
    @Test("portal init writes a portal that builds at once, and refuses to overwrite")
    func initBuilds() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let folder = site.url("new-portal")
        let first = try run(["init", "new-portal", "--title", "テスト協会 ポータル"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("wrote new-portal/content/site.yml"))
        let build = try run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        // The only warnings are the ones asking for the company's own data.
        let warnings = build.stderr.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.contains("contacts.yml") || $0.contains("services.csv") }, "\(build.stderr)")
        #expect(site.read("new-portal/output/index.html")?.contains("テスト協会 ポータル") == true)
        #expect(site.read("new-portal/output/guidance/getting-started.html")?.contains("<table>") == true)

        let again = try run(["init", "new-portal"], in: site.root)
        #expect(again.status == 1)
        #expect(again.stderr == "error: new-portal/content/ already exists; nothing was written (choose another folder)\n")
        let inJapanese = try run(["init", "new-portal"], in: site.root, language: "ja_JP.UTF-8")
        #expect(inJapanese.stderr.hasPrefix("エラー: new-portal/content/ がすでにあります。"))
    }

    @Test("portal new page fills in the front matter, checks the name, slug and group, and never overwrites")
    func newPage() throws {
        let site = try TestSite(["content/site.yml": "title: T\nguidance_groups: [インシデント対応]\n",
                                 "content/guidance/other.md": "---\ntitle: O\nupdated: 2026-01-01\nslug: backup\n---\n"])
        defer { site.cleanUp() }
        let made = try run(["new", "page", "guidance/backup-steps.md", "--title", "バックアップの手順", "--group", "インシデント対応"], in: site.root)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try #require(site.read("content/guidance/backup-steps.md"))
        #expect(text.hasPrefix("---\ntitle: \"バックアップの手順\"\nsummary: \"\"\nupdated: \(LocalDate.today()!)\ngroup: \"インシデント対応\"\n---\n"))
        // It builds, with a warning until its stand-in sentence is replaced.
        let built = try run(["build"], in: site.root)
        #expect(built.status == 0)
        #expect(built.stderr.contains("content/guidance/backup-steps.md:8:1: warning: the page still holds the sentence 'portal new page' wrote for you to replace: write the page's text in its place [W0608]"), "\(built.stderr)")
        try site.write("content/guidance/backup-steps.md", text.replacingOccurrences(of: "ここに本文を Markdown で書きます。見出しは ## から始めます。", with: "毎日の手順です。"))
        #expect(try !run(["build"], in: site.root).stderr.contains("W0608"))

        let cases: [([String], Int32, String)] = [
            (["guidance/backup-steps.md", "--title", "x"], 1, "error: content/guidance/backup-steps.md already exists; nothing was written\n"),
            (["guidance/backup.md", "--title", "x"], 1, "error: the URL 'guidance/backup.html' is taken by content/guidance/other.md; choose another file name\n"),
            (["guidance/バックアップ.md", "--title", "x"], 2, "error: file name 'バックアップ' cannot be used in a URL; use lower-case ASCII letters, digits and '-' (e.g. guidance/backup-steps.md)\n"),
            (["faq.md", "--title", "x"], 2, "error: 'faq.md' is not a guidance page; give it as guidance/NAME.md\n"),
            (["content/guidance/x.md", "--title", "x"], 2, "error: 'content/guidance/x.md' is not a guidance page; give it as guidance/NAME.md (did you mean 'guidance/x.md'?)\n"),
            (["guidance/x.md", "--title", "x", "--group", "インシデント"], 2,
             "error: group 'インシデント' is not one of site.yml's guidance_groups; did you mean 'インシデント対応'? known groups: (インシデント対応)\n"),
        ]
        for (arguments, status, message) in cases {
            let result = try run(["new", "page"] + arguments, in: site.root)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr == message)
        }
        #expect(!FileManager.default.fileExists(atPath: site.url("content/guidance/x.md").path))
    }
}
