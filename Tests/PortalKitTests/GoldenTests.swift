import Foundation
import Testing
@testable import PortalKit

/// Whole-site golden files. Run with PORTAL_RECORD=1 to rewrite them after an intended change,
/// then review the diff.
@Suite struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["PORTAL_RECORD"] == "1"

    @Test("the basic fixture renders exactly as recorded")
    func basicSite() async throws {
        let site = try TestSite(fixture: "basic")
        defer { site.cleanUp() }
        try await site.build()
        let expectedRoot = TestSite.fixtures.appendingPathComponent("basic/expected")
        let files = site.outputFiles().filter { !$0.hasPrefix("assets/") && $0 != ".portal-output" }
        #expect(files == ["README.md", "guidance/background.html", "guidance/first-steps.html", "guidance/index.html", "index.html",
                          "search-index.json", "search.html", "search/docs-0.js", "search/meta.js", "search/terms-0.js", "search/words.js", "sitemap.html"])
        if Self.recording {
            try? FileManager.default.removeItem(at: expectedRoot)
        }
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".json") || file.hasPrefix("search/") {
            let actual = Self.readable(try #require(site.read("output/" + file)))
            let goldenURL = expectedRoot.appendingPathComponent(file)
            if Self.recording {
                try FileManager.default.createDirectory(at: goldenURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: goldenURL)
            }
            let golden = try String(contentsOf: goldenURL, encoding: .utf8)
            #expect(actual == golden, "\(file) differs from its golden file; run PORTAL_RECORD=1 swift test to re-record")
        }
    }

    /// A compressed search script as its golden file holds it: the JSON it carries, inflated, so
    /// that a change to the documents shows in the diff.
    static func readable(_ script: String) -> String {
        let prefix = "PortalSearchData.", quote = ", \"", end = "\");\n"
        guard script.hasPrefix(prefix), script.hasSuffix(end), let open = script.range(of: quote) else { return script }
        let payload = script[open.upperBound..<script.index(script.endIndex, offsetBy: -end.count)]
        guard let bytes = Data(base64Encoded: String(payload)), let json = Deflate.inflate(Array(bytes)) else {
            return script + "\n(damaged: not the base64 of a zlib stream)"
        }
        return String(script[..<open.lowerBound]) + ", /* inflated by GoldenTests */ " + String(decoding: json, as: UTF8.self) + ");\n"
    }

    @Test("two builds of the sample by two processes into two fresh folders are byte-identical")
    func deterministic() throws {
        // Two processes, two fresh folders, no cache: nothing can be shared between the builds
        // (an earlier version compared two builds whose unchanged files were hard links of each
        // other, which could not fail).
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.binary.path))
        let roots = try (0..<2).map { _ in try TestSite.sample() }
        defer { roots.forEach { $0.cleanUp() } }
        for site in roots {
            let run = try CLITests().run(["build", "--quiet", "--no-cache"], in: site.root)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let (a, b) = (roots[0].tree("output"), roots[1].tree("output"))
        #expect(a.count > 50)
        #expect(a.keys.sorted() == b.keys.sorted())
        let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "differ between two processes: \(differing.prefix(10))")
        var info = stat()
        for path in a.keys where lstat(roots[0].url("output/" + path).path, &info) == 0 {
            #expect(info.st_nlink == 1, "\(path) is linked elsewhere")
        }
    }

    @Test("the rendered fixture has what the content asked for")
    func features() async throws {
        let site = try TestSite(fixture: "basic")
        defer { site.cleanUp() }
        try await site.build()
        let html = try #require(site.read("output/guidance/first-steps.html"))
        #expect(html.contains("<a href=\"background.html#why\">背景</a>"))
        #expect(html.contains("<caption>保全の対象</caption>"))
        #expect(html.contains("<td>接続記録, 認証記録</td>"))
        #expect(html.contains("<td>通信記録 &lt;全件&gt;</td>"))
        #expect(html.contains("class=\"callout callout-warning\""))
        #expect(html.contains("<a class=\"external\" href=\"https://www.ipa.go.jp/\" rel=\"noopener noreferrer\">"))
        #expect(html.contains("<a href=\"mailto:a@example.jp\">メール</a>"))
        #expect(html.contains("<a href=\"#report\">通報</a>"))
        #expect(html.contains("<time datetime=\"2024-12-12\">2024年12月12日</time>"))
        #expect(html.contains("href=\"../assets/portal.css\""))
        let home = try #require(site.read("output/index.html"))
        #expect(home.contains("href=\"guidance/first-steps.html\""))
        #expect(home.contains("href=\"assets/portal.css\""))
        let background = try #require(site.read("output/guidance/background.html"))
        #expect(background.contains("<title>背景: なぜ備えるのか | テスト用ポータル</title>"))
        #expect(background.contains("<code>&lt;script&gt;</code>"))
    }
}
