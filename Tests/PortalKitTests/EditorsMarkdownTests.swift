import Foundation
import Testing
@testable import PortalKit

/// Markdown as people already write it: front matter for other tools, custom data, none at all.
@Suite struct EditorsMarkdownTests {
    private let page = "---\ntitle: 追加キー\nupdated: 2026-11-01\nauthor: 情報システム部\ntitel: x\nextra:\n  owner: 情シス <山田>\n  forms: [A-1, B-2]\n---\n本文\n"

    @Test("unknown keys are warnings with a suggestion, errors under --strict; extra: reaches templates")
    func unknownKeysAndExtra() async throws {
        let site = try TestSite([
            "content/guidance/a.md": page,
            // Inside the page's own section too, as the default page.mustache reads it.
            "templates/page.mustache": "{{page.title}}|{{page.extra.owner}}|{{#page.extra.forms}}[{{.}}]{{/page.extra.forms}}"
                + "|{{#page}}{{title}}:{{extra.owner}}:{{page.extra.owner}}:{{site.title}}{{/page}}",
        ])
        defer { site.cleanUp() }
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description).filter { $0.contains("front-matter") } == [
            "content/guidance/a.md:4:1: warning: unknown front-matter key 'author' is ignored: to keep it, move it under extra: (templates read it as page.extra.author) [W0203]",
            "content/guidance/a.md:5:1: warning: unknown front-matter key 'titel' is ignored: did you mean 'title'? [W0202]",
        ])
        // Escaped as any other value from content.
        #expect(site.read("output/guidance/a.html") == "追加キー|情シス &lt;山田&gt;|[A-1][B-2]|追加キー:情シス &lt;山田&gt;:情シス &lt;山田&gt;:テスト")
        let errors = await site.failure(strict: true)
        #expect(errors.count == 2 && errors.allSatisfy { $0.contains(": error: unknown front-matter key") })
    }

    @Test("updated: written by hand as editors do (2025/1/5, 2025年1月5日, 令和7年1月5日, a full-width space after) is read as that day")
    func handWrittenDates() async throws {
        let site = try TestSite([
            "content/guidance/a.md": PortalKitTests.page("A", updated: "2025/1/5"),
            "content/guidance/b.md": PortalKitTests.page("B", updated: "2025年1月5日"),
            "content/guidance/c.md": PortalKitTests.page("C", updated: "令和7年1月5日"),
            "content/guidance/d.md": PortalKitTests.page("D", updated: "2025-01-05\u{3000}"),
        ])
        defer { site.cleanUp() }
        try await site.build()
        for name in ["a", "b", "c", "d"] {
            #expect(site.read("output/guidance/\(name).html")?.contains("<time datetime=\"2025-01-05\">2025年1月5日</time>") == true, "\(name)")
        }
        try site.write("content/guidance/c.md", PortalKitTests.page("C", updated: "令和7年2月30日"))
        #expect(await site.failure() == ["content/guidance/c.md:3:10: error: 'updated' must be a date written YYYY-MM-DD (e.g. 2024-12-12), not '令和7年2月30日' [E0105]"])
    }

    @Test("a page without front matter takes its title from its first heading and its date from the file")
    func noFrontMatter() async throws {
        let site = try TestSite([
            "content/guidance/backup-steps.md": "\n# 社内手順：バックアップ\n\n本文です。\n\n## 手順\n\n[戻る](missing.md)\n",
        ])
        defer { site.cleanUp() }
        let file = site.url("content/guidance/backup-steps.md").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_764_500_000)], ofItemAtPath: file)
        let errors = await site.failure()
        // Line numbers stay those of the file: the title's line is blanked, not removed.
        #expect(errors == ["content/guidance/backup-steps.md:8:1: error: link to missing page 'missing.md' [E0301]"])
        try site.write("content/guidance/backup-steps.md", "\n# 社内手順：バックアップ\n\n本文です。\n\n## 手順\n")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_764_500_000)], ofItemAtPath: file)
        try await site.build()
        let html = try #require(site.read("output/guidance/backup-steps.html"))
        #expect(html.components(separatedBy: "<h1").count == 2)
        #expect(html.contains("<h1>社内手順：バックアップ</h1>"))
        #expect(html.contains("datetime=\"\(LocalDate.today(Date(timeIntervalSince1970: 1_764_500_000))!)\""))
        #expect(html.contains("id=\"手順\"") || html.contains("<h2"))
    }

    @Test func firstHeading() {
        #expect(FirstHeading.find(in: "```\n# コード\n```\n## 本当の見出し ##\n") == FirstHeading(title: "本当の見出し", bodyWithoutTitle: nil))
        #expect(FirstHeading.find(in: "タイトル\n====\n本文\n") == FirstHeading(title: "タイトル", bodyWithoutTitle: "\n\n本文\n"))
        #expect(FirstHeading.find(in: "#ハッシュタグ\n本文だけ\n") == nil)
        #expect(FirstHeading.find(in: "") == nil)
    }

    @Test("a file with neither front matter nor a heading is an error that says how to fix it")
    func noTitleAtAll() async throws {
        let site = try TestSite(["content/guidance/a.md": "本文だけ\n"])
        defer { site.cleanUp() }
        #expect(await site.failure() == [
            "content/guidance/a.md:1:1: error: no title: start the file with a heading ('# タイトル') or with front matter (a line '---', title: and updated:, another '---') [E0204]",
        ])
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "titel", in: ["title", "summary"]) == "title")
        #expect(Suggestion.closest(to: "biuld", in: ["build", "watch", "serve"]) == "build")
        #expect(Suggestion.closest(to: "categroy", in: ["category", "pentest"]) == "category")
        #expect(Suggestion.closest(to: "author", in: ["title", "summary", "updated"]) == nil)
        #expect(Suggestion.closest(to: "脆弱性診段", in: ["脆弱性診断", "監査"]) == "脆弱性診断")
        #expect(Suggestion.distance(Array("abc"), Array("acb")) == 1)
        // A tie goes the same way whatever order the candidates come in (they come from dictionaries).
        #expect(Suggestion.closest(to: "page-2.md", in: ["page-3.md", "page-1.md"]) == "page-1.md")
        #expect(Suggestion.closest(to: "page-2.md", in: ["page-1.md", "page-3.md"]) == "page-1.md")
        #expect(LinkResolver.nearest("guidance/A.png", among: ["x/a.png", "guidance/images/a.png", "b/a.png"], from: "guidance/p.md")
                == LinkResolver.nearest("guidance/A.png", among: ["b/a.png", "guidance/images/a.png", "x/a.png"], from: "guidance/p.md"))
    }
}

@Suite struct LinkSuggestionTests {
    @Test("a mistyped link names the page or heading it was probably meant for, as a link from the page")
    func suggestions() async throws {
        let page = { (title: String, body: String) in "---\ntitle: \(title)\nupdated: 2026-11-01\n---\n\(body)" }
        let site = try TestSite([
            "content/guidance/jc-star.md": page("JC-STAR", "## 制度の概要\n"),
            "content/guidance/a.md": page("A", "[x](jcstar.md) [y](jc-star.md#制度の概用)\n"),
            "content/incident.md": "---\ntitle: 初動\nupdated: 2026-11-01\n---\n[z](guidance/jc-stars.md)\n",
        ])
        defer { site.cleanUp() }
        #expect(await site.failure() == [
            "content/guidance/a.md:5:1: error: link to missing page 'jcstar.md'; did you mean 'jc-star.md'? [E0301]",
            "content/guidance/a.md:5:16: error: page 'jc-star.md' has no heading with id '制度の概用'; did you mean '#制度の概要'? [E0302]",
            "content/incident.md:5:1: error: link to missing page 'guidance/jc-stars.md'; did you mean 'guidance/jc-star.md'? [E0301]",
        ])
    }
}
