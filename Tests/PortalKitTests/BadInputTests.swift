import Foundation
import Testing
@testable import PortalKit

/// Each bad input: a clear `path:line:col: error:` and no change to the previous output.
@Suite struct BadInputTests {
    static let cases: [SiteCase] = [
        SiteCase(name: "missing title", files: ["content/guidance/a.md": "---\nupdated: 2024-12-12\n---\n本文\n"],
             expected: ["content/guidance/a.md:2:1: error: missing required key 'title' [E0103]"]),
        SiteCase(name: "missing updated", files: ["content/guidance/a.md": "---\ntitle: A\n---\n本文\n"],
             expected: ["content/guidance/a.md:2:1: error: missing required key 'updated' [E0103]"]),
        SiteCase(name: "bad date", files: ["content/guidance/a.md": "---\ntitle: A\nupdated: 2024-02-30\n---\n"],
             expected: ["content/guidance/a.md:3:10: error: 'updated' must be a date written YYYY-MM-DD (e.g. 2024-12-12), not '2024-02-30' [E0105]"]),
        SiteCase(name: "YAML syntax error", files: ["content/guidance/a.md": "---\ntitle: A\nupdated: 2024-12-12\ntags: [a, b\n---\n"],
             expected: ["content/guidance/a.md:5:1: error: YAML syntax: did not find expected ',' or ']' [E0101]"]),
        SiteCase(name: "front matter never closed", files: ["content/guidance/a.md": "---\ntitle: A\nupdated: 2024-12-12\n本文\n"],
             expected: ["content/guidance/a.md:1:1: error: front matter is never closed: add a line '---' after it [E0201]"]),
        SiteCase(name: "misspelt required key", files: ["content/guidance/a.md": "---\ntitel: A\nupdated: 2024-12-12\n---\n"],
             expected: ["content/guidance/a.md:2:1: error: missing required key 'title' [E0103]",
                        "content/guidance/a.md:2:1: warning: unknown front-matter key 'titel' is ignored: did you mean 'title'? [W0202]"]),
        SiteCase(name: "duplicate slug", files: [
            "content/guidance/a.md": page(extra: "slug: same\n"),
            "content/guidance/b.md": page(extra: "slug: same\n"),
        ], expected: ["content/guidance/b.md:1:1: error: duplicate slug 'same': content/guidance/a.md already uses it; set a different slug: [E0207]"]),
        SiteCase(name: "slug with a slash", files: ["content/guidance/a.md": page(extra: "slug: a/b\n")],
             expected: ["content/guidance/a.md:4:7: error: slug 'a/b' may hold only lower-case ASCII letters, digits, '-' and '_' (no '/', '..' or Japanese) [E0209]"]),
        SiteCase(name: "slug with dots", files: ["content/guidance/a.md": page(extra: "slug: ../../etc\n")],
             expected: ["content/guidance/a.md:4:7: error: slug '../../etc' may hold only lower-case ASCII letters, digits, '-' and '_' (no '/', '..' or Japanese) [E0209]"]),
        SiteCase(name: "Japanese file name without slug", files: ["content/guidance/通報.md": page()],
             expected: ["content/guidance/通報.md:1:1: error: file name '通報' cannot be used in a URL: add slug: with lower-case ASCII letters, digits and '-' (e.g. slug: incident-response) [E0210]"]),
        SiteCase(name: "broken link", files: ["content/guidance/a.md": page(body: "前文\n\n[b](missing.md)\n")],
             expected: ["content/guidance/a.md:7:1: error: link to missing page 'missing.md' [E0301]"]),
        SiteCase(name: "links written as the site's URL, not relative to the page's Markdown file", files: [
            "content/guidance/a.md": page(body: "[b](guidance/b.md) と [b](b.html)\n"),
            "content/guidance/b.md": page(),
        ], expected: [
            "content/guidance/a.md:5:1: error: link to missing page 'guidance/b.md'; did you mean 'b.md'? [E0301]",
            "content/guidance/a.md:5:22: error: link to missing file 'b.html' (looked for guidance/b.html in the content folder); did you mean 'b.md'? [E0303]",
        ]),
        SiteCase(name: "broken anchor", files: [
            "content/guidance/a.md": page(body: "[b](b.md#nope) と [自分](#none)\n"),
            "content/guidance/b.md": page(body: "## ある {#yes}\n"),
        ], expected: [
            "content/guidance/a.md:5:1: error: page 'b.md' has no heading with id 'nope' [E0302]",
            "content/guidance/a.md:5:18: error: no heading with id 'none' on this page [E0307]",
        ]),
        SiteCase(name: "malformed table", files: ["content/guidance/a.md": page(body: "```table\n列1,列2\na,b\nc\n```\n")],
             expected: ["content/guidance/a.md:8:1: error: table: this row has 1 cells but the header has 2 [E0721]"]),
        SiteCase(name: "remote image", files: ["content/guidance/a.md": page(body: "![図](https://example.com/a.png)\n")],
             expected: ["content/guidance/a.md:5:1: error: remote image 'https://example.com/a.png': the portal must work offline, so save the image in the content folder and link it relatively (or set allow_remote_images: true in site.yml) [E0709]"]),
        SiteCase(name: "URLs copied from an example and left unfinished", files: [
            "content/guidance/a.md": page(extra: "sources:\n  - title: IPA\n    url: https://…\n"),
            "content/guidance/b.md": page(body: "[窓口](https://www.ipa.go.jp/…) を見る\n"),
            "content/site.yml": "title: T\nregistry:\n  source_url: https://.../list\n",
        ], expected: [
            "content/guidance/a.md:6:10: error: URL 'https://…' was left unfinished (an ellipsis '…' or an empty host name): write the real address [E0130]",
            "content/guidance/b.md:5:1: error: URL 'https://www.ipa.go.jp/…' was left unfinished (an ellipsis '…' or an empty host name): write the real address [E0130]",
            "content/site.yml:3:15: error: URL 'https://.../list' was left unfinished (an ellipsis '…' or an empty host name): write the real address [E0130]",
        ]),
        SiteCase(name: "a YAML mistake in site.yml is reported once, not again as every page's unknown group", files: [
            "content/site.yml": "title: T\nguidance_groups: [はじめに\n",
            "content/guidance/a.md": page(extra: "group: はじめに\n"),
        ], expected: ["content/site.yml:3:1: error: YAML syntax: did not find expected ',' or ']' [E0101]"]),
        SiteCase(name: "missing site.yml title", files: ["content/site.yml": "description: x\n"],
             expected: ["content/site.yml:1:1: error: missing required key 'title' [E0103]"]),
        SiteCase(name: "navigation to a page that does not exist", files: ["content/site.yml": "title: T\nnavigation:\n  - title: X\n    path: nowhere.html\n"],
             expected: ["content/site.yml:4:11: error: navigation path 'nowhere.html' is not a page of the portal [E0310]"]),
    ]

    @Test("bad content fails with its diagnostics and leaves the previous output as it was", arguments: cases)
    func badInput(_ c: SiteCase) async throws {
        let site = try TestSite(["content/guidance/ok.md": page("前の版")])
        defer { site.cleanUp() }
        try await site.build()
        let before = site.read("output/guidance/ok.html")
        #expect(before?.contains("前の版") == true)

        for (path, text) in c.files { try site.write(path, text) }
        try site.write("content/guidance/ok.md", page("新しい版"))
        let errors = await site.failure()
        #expect(errors == c.expected)
        #expect(site.read("output/guidance/ok.html") == before)
    }

    @Test("several errors in one run are all listed, in file order")
    func allErrorsListed() async throws {
        let site = try TestSite([
            "content/guidance/b.md": "---\ntitle: B\n---\n",
            "content/guidance/a.md": page(body: "[x](nope.md)\n"),
            "content/guidance/c.md": "---\nupdated: 2024-01-01\n---\n",
        ])
        defer { site.cleanUp() }
        let errors = await site.failure()
        // Links are checked even though two pages failed to load.
        #expect(errors == ["content/guidance/a.md:5:1: error: link to missing page 'nope.md' [E0301]",
                           "content/guidance/b.md:2:1: error: missing required key 'updated' [E0103]",
                           "content/guidance/c.md:2:1: error: missing required key 'title' [E0103]"])
    }

    @Test("a link to a page that failed to load is not reported again as broken")
    func noKnockOnLinks() async throws {
        let site = try TestSite([
            "content/guidance/b.md": "---\ntitle: B\nupdated: 2024-13-01\n---\n## 手順\n",
            "content/guidance/a.md": page(body: "[b](b.md#手順)\n"),
        ])
        defer { site.cleanUp() }
        #expect(await site.failure() == ["content/guidance/b.md:3:10: error: 'updated' must be a date written YYYY-MM-DD (e.g. 2024-12-12), not '2024-13-01' [E0105]"])
    }

    @Test("non-UTF-8 Markdown is refused at the line of the first bad byte")
    func notUTF8() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        var bytes = Data(page().utf8)
        bytes.append(contentsOf: [0x82, 0xA0, 0x0A])  // Shift_JIS あ
        try site.write("content/guidance/sjis.md", bytes)
        #expect(await site.failure() == ["content/guidance/sjis.md:6:1: error: file is not valid UTF-8; save it as UTF-8 [E0119]"])
    }

    @Test("a symlink pointing outside the content folder is refused")
    func symlinkOutside() async throws {
        let site = try TestSite(["content/guidance/ok.md": page()])
        defer { site.cleanUp() }
        try site.write("secret.md", page("秘密"))
        try FileManager.default.createSymbolicLink(at: site.url("content/guidance/leak.md"), withDestinationURL: site.url("secret.md"))
        #expect(await site.failure() == ["content/guidance/leak.md: error: is a symbolic link to a place outside the content folder; copy the file in instead [E0116]"])
    }

    @Test("a missing template or partial is an error naming it")
    func missingTemplate() async throws {
        let site = try TestSite(["content/guidance/a.md": page()])
        defer { site.cleanUp() }
        try site.remove("templates/page.mustache")
        try site.remove("templates/footer.mustache")
        let errors = await site.failure()
        #expect(errors.contains("templates/page.mustache: error: missing template 'page': every portal needs home.mustache, page.mustache, section.mustache, search.mustache, sitemap.mustache [E0503]"))
        #expect(errors.contains("templates/base.mustache:25:1: error: template 'base' uses missing partial 'footer' (expected templates/footer.mustache) [E0501]"))
    }

    @Test("script tags and javascript: links are rendered inert, with a warning for the link; --strict fails")
    func inertHostileMarkdown() async throws {
        let body = "<script>window.__pwned=1</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>\n"
        let site = try TestSite(["content/guidance/a.md": page(body: body)])
        defer { site.cleanUp() }
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description).contains("content/guidance/a.md:7:1: warning: link with scheme 'javascript:' removed; only http(s), mailto and tel links are kept [W0305]"))
        let html = try #require(site.read("output/guidance/a.html"))
        #expect(!html.contains("<script>window"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onerror"))
        #expect(await site.failure(strict: true).contains { $0.contains("error: link with scheme 'javascript:'") })
    }
}
