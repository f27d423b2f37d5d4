import Foundation
import Testing
@testable import PortalKit

/// Watch mode reuses what the last build made and writes only what changed; its output must be
/// exactly what a full build of the same content writes. Each step edits the sample content,
/// rebuilds in the session, then builds the same content afresh elsewhere and compares every file.
@Suite struct IncrementalBuildTests {
    struct Step: Sendable, CustomStringConvertible {
        var description: String
        var change: @Sendable (TestSite) throws -> Void
        /// At most this many files written or deleted (a one-page edit must not rewrite the site).
        var maxChanged: Int? = nil
    }

    static let newPage = "---\ntitle: 追加したページ\nupdated: 2025-01-15\n---\n## 新しい節 {#new}\n\nバックアップを定期的に確認します。\n"

    static let steps: [Step] = [
        Step(description: "a paragraph added to one page", change: { site in
            try site.edit("content/guidance/overview.md", replacing: "\n## ", with: "\n追記：社内の連絡網を年に一度見直します。\n\n## ")
        }, maxChanged: 40),
        Step(description: "a page's title", change: { site in
            try site.edit("content/guidance/jc-star.md", replacing: "title: ", with: "title: 改訂 ")
        }),
        Step(description: "a heading added (link targets change)", change: { site in
            try site.edit("content/guidance/otasuketai.md", replacing: "\n## ", with: "\n## 追加の見出し {#added}\n\n本文。\n\n## ")
        }),
        Step(description: "a new page", change: { site in try site.write("content/guidance/added.md", newPage) }),
        Step(description: "the new page renamed", change: { site in
            try FileManager.default.moveItem(at: site.url("content/guidance/added.md"), to: site.url("content/guidance/renamed.md"))
        }),
        Step(description: "a link to the renamed page's heading", change: { site in
            try site.edit("content/guidance/overview.md", replacing: "追記：社内の連絡網", with: "[新しい節](renamed.md#new)も参照。社内の連絡網")
        }),
        Step(description: "the link removed and the page deleted", change: { site in
            try site.edit("content/guidance/overview.md", replacing: "[新しい節](renamed.md#new)も参照。", with: "")
            try site.remove("content/guidance/renamed.md")
        }),
        Step(description: "an FAQ answer", change: { site in
            try site.edit("content/faq.yml", replacing: "answer: |\n", with: "answer: |\n      まず落ち着いて確認します。\n")
        }),
        Step(description: "a service in the registry", change: { site in
            try site.edit("content/services/services.csv", replacing: "（サンプル）001", with: "（改訂）001")
        }),
        Step(description: "the page template", change: { site in
            try site.edit("templates/page.mustache", replacing: "<div class=\"content\">", with: "<div class=\"content\" data-edited=\"1\">")
        }),
        Step(description: "the FAQ template (only the FAQ page uses it)", change: { site in
            try site.edit("templates/faq.mustache", replacing: "<h1>{{title}}</h1>", with: "<h1 data-edited=\"1\">{{title}}</h1>")
        }, maxChanged: 3),
        Step(description: "a partial every layout uses", change: { site in
            try site.edit("templates/header.mustache", replacing: "<div class=\"site-header-inner\">", with: "<div class=\"site-header-inner\" data-edited=\"1\">")
        }),
        Step(description: "site.yml", change: { site in
            try site.edit("content/site.yml", replacing: "title: ", with: "title: 改 ")
        }),
        Step(description: "the style sheet", change: { site in
            try site.write("content/../templates/assets/portal.css", (site.read("templates/assets/portal.css") ?? "") + "\n/* edited */\n")
        }),
        Step(description: "the incident sheet", change: { site in
            try site.edit("content/incident.md", replacing: "\n## ", with: "\n落ち着いて記録を残します。\n\n## ")
        }),
    ]

    @Test("every rebuild in a session writes what a full build of the same content writes")
    func matchesFullBuild() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        var session = BuildSession()
        try await site.build(session: &session)
        for step in Self.steps {
            try step.change(site)
            // As watch does: the page stamps come from its scan of the folder.
            session.snapshot = FileSnapshot.scan([site.request.content.path])
            #expect(session.snapshot?.files[site.request.content.path + "/guidance/overview.md"] != nil)
            let summary = try await site.build(session: &session)
            let changed = try #require(summary.changedFiles, "\(step): the rebuild staged the whole output instead of updating it")
            if let limit = step.maxChanged { #expect(changed <= limit, "\(step): \(changed) files written") }
            try await expectSameAsFullBuild(site, step)
        }
    }

    @Test("a failed rebuild writes nothing, and the next good one catches up")
    func failedRebuild() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        var session = BuildSession()
        try await site.build(session: &session)
        let before = site.tree("output")
        try site.edit("content/guidance/overview.md", replacing: "title: ", with: "titel: ")
        try site.edit("content/guidance/jc-star.md", replacing: "\n## ", with: "\n文を足す。\n\n## ")
        await #expect(throws: BuildFailure.self) { try await site.build(session: &session) }
        #expect(site.tree("output") == before)
        try site.edit("content/guidance/overview.md", replacing: "titel: ", with: "title: ")
        let summary = try await site.build(session: &session)
        #expect(summary.changedFiles != nil)
        try await expectSameAsFullBuild(site, "after the fix")
    }

    @Test("an output folder replaced behind the session's back is built whole again")
    func outputReplaced() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        var session = BuildSession()
        try await site.build(session: &session)
        try await site.build()  // another process's full build swaps the folder
        try site.edit("content/guidance/overview.md", replacing: "\n## ", with: "\n追記。\n\n## ")
        let summary = try await site.build(session: &session)
        #expect(summary.changedFiles == nil)
        try await expectSameAsFullBuild(site, "after the swap")
    }

    @Test("portal build with its cache writes what a build without it writes, edit after edit")
    func cacheMatchesFullBuild() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try await site.build()
        let cacheFile = PageCache.file(for: site.request.output)
        #expect(cacheFile.path == site.url(".portal-cache/output/pages.v5").standardizedFileURL.path)
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        #expect(!site.tree("output").keys.contains { $0.contains("portal-cache") })
        for step in Self.steps {
            try step.change(site)
            try await site.build()
            try await expectSameAsFullBuild(site, step)
        }
    }

    @Test("pages whose files are unchanged come from the cache; a cache of another version or garbage is ignored")
    func cacheIsUsedAndChecked() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try await site.build()
        // Change a cached page behind the build's back: if the cache is used, the output shows it.
        var notes: [String] = []
        var contents = try #require(await PageCache.read(for: site.request, notes: &notes))
        var entry = try #require(contents.entries["guidance/overview.md"])
        let p = try #require(entry.memo.page)
        entry.memo.page = GuidancePage(kind: p.kind, contentPath: p.contentPath, displayPath: p.displayPath, slug: p.slug,
                                       title: "キャッシュから来た題名", summary: p.summary, updated: p.updated, sources: p.sources,
                                       tags: p.tags, order: p.order, body: p.body, bodyLineOffset: p.bodyLineOffset,
                                       contactGroups: p.contactGroups, updatedLine: p.updatedLine, updatedColumn: p.updatedColumn)
        contents.entries["guidance/overview.md"] = entry
        await PageCache.write(contents.entries.mapValues(\.memo), parsed: contents.entries.compactMapValues(\.parsed),
                        parseSettings: contents.parseSettings, previous: nil, for: site.request)
        try await site.build()
        #expect(site.read("output/guidance/overview.html")?.contains("キャッシュから来た題名") == true)
        // A damaged cache is ignored: the page is read from its file again.
        let cacheFile = PageCache.file(for: site.request.output)
        for damaged in [Data("portal-cache".utf8), Data([0x0C]) + Data("portal-cache".utf8) + Data([0x7F, 0xFF, 0xFF]), Data(count: 64)] {
            try damaged.write(to: cacheFile)
            try await site.build()
            #expect(site.read("output/guidance/overview.html")?.contains("キャッシュから来た題名") == false)
            try await expectSameAsFullBuild(site, "a damaged cache")
        }
        // --no-cache neither reads nor writes it.
        try FileManager.default.removeItem(at: cacheFile)
        try FileManager.default.removeItem(at: RenderCache.file(for: site.request.output))
        try await site.build(useCache: false)
        #expect(!FileManager.default.fileExists(atPath: cacheFile.path))
        #expect(!FileManager.default.fileExists(atPath: RenderCache.file(for: site.request.output).path))
    }

    @Test("portal build renders again only the pages whose inputs changed, and never trusts a file changed by hand")
    func renderCache() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        let first = try await site.build()
        #expect(first.keptPages == 0)
        let pages = first.pageCount
        let lists = 3  // home, guidance list, site map
        let html = site.tree("output").keys.filter { $0.hasSuffix(".html") }
        let guidance = html.filter { $0.hasPrefix("guidance/") && $0 != "guidance/index.html" }.count
        let rest = html.filter { !$0.hasPrefix("guidance/") && !["index.html", "sitemap.html"].contains($0) }.count
        #expect(rest > 5)

        // Nothing changed: nothing is rendered or indexed; every page is the last build's file (the same inode).
        let before = try FileManager.default.attributesOfItem(atPath: site.url("output/guidance/jc-star.html").path)[.systemFileNumber] as? Int
        let unchanged = try await site.build()
        #expect(unchanged.keptPages == pages && unchanged.keptIndex)
        let after = try FileManager.default.attributesOfItem(atPath: site.url("output/guidance/jc-star.html").path)[.systemFileNumber] as? Int
        #expect(before != nil && before == after)

        // One page's text: that page alone is rendered, and the index built again.
        try site.edit("content/guidance/overview.md", replacing: "\n## ", with: "\n追記：連絡網を見直します。\n\n## ")
        let edited = try await site.build()
        #expect(edited.keptPages == pages - 1 && !edited.keptIndex)
        #expect(site.read("output/guidance/overview.html")?.contains("連絡網を見直します") == true)
        try await expectSameAsFullBuild(site, "one page edited")

        // Its title: the page, the lists that show it, and the page of its group that links to it
        // as the next or previous page (overview's group, 経営者向け, has one more).
        try site.edit("content/guidance/overview.md", replacing: "title: ", with: "title: 新 ")
        #expect(try await site.build().keptPages == pages - 2 - lists)
        try await expectSameAsFullBuild(site, "a title")

        // An FAQ answer: the FAQ page alone (each kind of content is reused by its own input).
        try site.edit("content/faq.yml", replacing: "answer: |\n", with: "answer: |\n      まず確認します。\n")
        #expect(try await site.build().keptPages == pages - 1)
        try await expectSameAsFullBuild(site, "an FAQ answer")

        // A page's output changed by hand (even keeping its size) is rendered again.
        let tampered = try #require(site.read("output/guidance/jc-star.html"))
        try site.write("output/guidance/jc-star.html", String(tampered.reversed()))
        #expect(try await site.build().keptPages == pages - 1)
        try await expectSameAsFullBuild(site, "an output file edited by hand")

        // A template: the pages whose layouts use it. site.yml: every page.
        try site.edit("templates/page.mustache", replacing: "<div class=\"content\">", with: "<div class=\"content\" data-v=\"2\">")
        let template = try await site.build()
        #expect(template.keptPages == pages - guidance && template.keptIndex)
        try await expectSameAsFullBuild(site, "the page template")
        try site.edit("templates/faq.mustache", replacing: "<h1>{{title}}</h1>", with: "<h1 data-v=\"2\">{{title}}</h1>")
        #expect(try await site.build().keptPages == pages - rest)
        try await expectSameAsFullBuild(site, "the FAQ template")
        try site.edit("templates/header.mustache", replacing: "<div class=\"site-header-inner\">", with: "<div class=\"site-header-inner\" data-v=\"2\">")
        #expect(try await site.build().keptPages == 0)
        try await expectSameAsFullBuild(site, "the header partial")
        try site.edit("content/site.yml", replacing: "title: ", with: "title: 改 ")
        #expect(try await site.build().keptPages == 0)
        try await expectSameAsFullBuild(site, "site.yml")

        // A damaged record is ignored.
        try Data("portal-renders".utf8).write(to: RenderCache.file(for: site.request.output))
        #expect(try await site.build().keptPages == 0)
        #expect(try await site.build().keptPages == pages)
    }

    @Test("a kept file that changes before it is linked fails the build and leaves the output as it was")
    func keptFileChangedDuringBuild() throws {
        let site = try TestSite(["output/README.md": "x"])
        defer { site.cleanUp() }
        try site.write("output/page.html", "<p>old</p>")
        let stamp = try #require(FileStamp(path: site.url("output/page.html").path))
        try site.write("output/page.html", "<p>new text</p>")
        let folder = StagedOutputFolder(target: site.url("output"), displayPath: "output")
        let kept = OutputFile(path: SitePath("page.html"), body: .previous(file: site.url("output/page.html").path, stamp: stamp))
        #expect(throws: OutputError.self) { try folder.write([kept]) }
        #expect(site.read("output/page.html") == "<p>new text</p>")
        #expect(site.tree("output").keys.sorted() == ["README.md", "page.html"])
    }

    private func expectSameAsFullBuild(_ site: TestSite, _ step: CustomStringConvertible) async throws {
        try? FileManager.default.removeItem(at: site.url("full"))
        try await site.build(output: "full", useCache: false)
        let incremental = site.tree("output"), full = site.tree("full")
        #expect(incremental.keys.sorted() == full.keys.sorted(), "\(step): the file lists differ")
        let differing = full.keys.filter { incremental[$0] != nil && incremental[$0] != full[$0] }.sorted()
        #expect(differing.isEmpty, "\(step): these files differ from a full build: \(differing.prefix(10))")
    }
}
