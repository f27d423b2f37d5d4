import Foundation
import Testing
@testable import PortalKit

/// `portal publish`: a reader of the destination never meets a broken link, at any step.
@Suite struct PublishTests {
    /// Every file reachable from index.html by relative links (href, src), and the links that
    /// lead nowhere. What a reader clicking through the destination could meet.
    static func brokenLinks(in root: URL) -> [String] {
        var seen: Set<String> = []
        var queue = ["index.html"]
        var broken: [String] = []
        let pattern = try! NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
        while let page = queue.popLast() {
            guard seen.insert(page).inserted else { continue }
            guard let html = try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8) else {
                broken.append(page)
                continue
            }
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
                guard !link.isEmpty, !link.hasPrefix("#"), URLText.scheme(of: link) == nil, !link.hasPrefix("/") else { continue }
                let path = String(link.prefix { $0 != "#" && $0 != "?" }).removingPercentEncoding ?? link
                var parts = page.split(separator: "/").dropLast().map(String.init)
                for piece in path.split(separator: "/", omittingEmptySubsequences: false) {
                    if piece == ".." { parts.removeLast() } else if piece != "." && !piece.isEmpty { parts.append(String(piece)) }
                }
                var target = parts.joined(separator: "/")
                if path.hasSuffix("/") || path.isEmpty { target += (target.isEmpty ? "" : "/") + "index.html" }
                var isDir: ObjCBool = false
                if !FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path, isDirectory: &isDir) || isDir.boolValue {
                    broken.append("\(page) → \(link)")
                } else if target.hasSuffix(".html") {
                    queue.append(target)
                }
            }
        }
        return broken
    }

    @Test("publishing a new version never leaves a page reachable from the home page with a broken link, at any step")
    func noBrokenMoment() async throws {
        let site = try TestSite([
            "content/site.yml": TestSite.minimalSite + "navigation:\n  - title: ホーム\n    path: index.html\n  - title: 古い\n    path: guidance/old.html\n",
            "content/guidance/a.md": page("入口", body: "[古いページ](old.md)と[別](b.md)\n"),
            "content/guidance/b.md": page("別", body: "[入口](a.md)\n"),
            "content/guidance/old.md": page("古い", body: "[入口](a.md)\n"),
        ])
        defer { site.cleanUp() }
        try await site.build()
        let destination = site.url("webroot")
        let publisher = Publisher(source: site.url("output"), destination: destination, sourceDisplay: "output", destinationDisplay: "webroot")
        let first = try publisher.publish()
        #expect(first.changed.isEmpty && first.removed.isEmpty && first.added.count > 10)
        #expect(Self.brokenLinks(in: destination) == [])

        // Version 2: old.md renamed to new.md (links follow), a page added, a template changed.
        try site.remove("content/guidance/old.md")
        try site.write("content/guidance/new.md", page("新しい", body: "[追加](added.md)\n"))
        try site.write("content/guidance/added.md", page("追加", body: "[入口](a.md)\n"))
        try site.write("content/guidance/a.md", page("入口", body: "[新しいページ](new.md)と[別](b.md)\n"))
        try site.write("content/site.yml", TestSite.minimalSite + "navigation:\n  - title: ホーム\n    path: index.html\n  - title: 新しい\n    path: guidance/new.html\n")
        try site.edit("templates/footer.mustache", replacing: "</footer>", with: "<p>第2版</p></footer>")
        try await site.build()
        var steps: [String] = []
        var problems: [String] = []
        let plan = try publisher.publish { step in
            steps.append(step)
            problems += Self.brokenLinks(in: destination).map { "after \(step): \($0)" }
        }
        #expect(problems == [])
        #expect(plan.removed == ["guidance/old.html"])
        #expect(plan.added.contains("guidance/new.html") && plan.added.contains("guidance/added.html"))
        #expect(plan.changed.last == "index.html")
        #expect(steps.firstIndex(of: "guidance/old.html")! > steps.firstIndex(of: "index.html")!)
        // Same bytes as the build, the list of what was published beside them.
        var published = site.tree("webroot")
        #expect(published.removeValue(forKey: Publisher.manifest) != nil)
        var built = site.tree("output")
        built.removeValue(forKey: StagedOutputFolder.marker)
        #expect(published == built)
        #expect(try publisher.publish() == Publisher.Plan(unchanged: built.count))
    }

    @Test("a destination holding someone else's files is refused, and only files portal published are ever removed")
    func othersFilesAreSafe() async throws {
        let site = try TestSite(["content/guidance/a.md": page()])
        defer { site.cleanUp() }
        try await site.build()
        try site.write("share/intranet.html", "他部署のページ")
        let refused = Publisher(source: site.url("output"), destination: site.url("share"), sourceDisplay: "output", destinationDisplay: "share")
        #expect(throws: OutputError.self) { try refused.publish() }
        #expect(site.read("share/intranet.html") == "他部署のページ")
        let inside = Publisher(source: site.url("output"), destination: site.url("output/sub"), sourceDisplay: "output", destinationDisplay: "output/sub")
        #expect(throws: OutputError.self) { try inside.plan() }
        // Published before: a file someone added later is left alone.
        let ours = Publisher(source: site.url("output"), destination: site.url("web"), sourceDisplay: "output", destinationDisplay: "web")
        try ours.publish()
        try site.write("web/notice.html", "お知らせ")
        try ours.publish()
        #expect(site.read("web/notice.html") == "お知らせ")
    }

    @Test("the ZIP holds every file under one folder, with correct CRCs, and unzips to the portal")
    func zip() async throws {
        #expect(ZipWriter.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        let site = try TestSite(["content/guidance/a.md": page("日本語の名前")])
        defer { site.cleanUp() }
        try await site.build()
        let archive = site.url("portal.zip")
        try ZipWriter.write(folder: site.url("output"), top: "portal", to: archive, skipping: [StagedOutputFolder.marker])
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", """
            import sys, zipfile, pathlib
            z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
            out = pathlib.Path(sys.argv[2]); z.extractall(out)
            print(len(z.namelist()))
            """, archive.path, site.url("unzipped").path]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
        var built = site.tree("output")
        built.removeValue(forKey: StagedOutputFolder.marker)
        #expect(site.tree("unzipped/portal") == built)
    }

    @Test("the command: a dry run changes nothing and says what it would do; no destination is a usage error")
    func command() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.binary.path))
        let site = try TestSite(["content/guidance/a.md": page()])
        defer { site.cleanUp() }
        try await site.build()
        let dry = try CLITests().run(["publish", "web", "--dry-run"], in: site.root)
        #expect(dry.status == 0)
        #expect(dry.stdout.hasPrefix("would publish output/ to web/: "), "\(dry.stdout)")
        #expect(!FileManager.default.fileExists(atPath: site.url("web").path))
        let real = try CLITests().run(["publish", "web"], in: site.root)
        #expect(real.status == 0 && real.stdout.hasPrefix("published output/ to web/: "))
        #expect(try CLITests().run(["publish"], in: site.root).status == 2)
        #expect(try CLITests().run(["publish", "x", "--zip", "y.zip"], in: site.root).status == 2)
        // A name without .zip would be an archive no one could open by clicking it.
        let bare = try CLITests().run(["publish", "--zip", "portal"], in: site.root)
        #expect(bare.status == 2 && bare.stderr.contains("--zip portal.zip") && !FileManager.default.fileExists(atPath: site.url("portal").path))
        let zip = try CLITests().run(["publish", "--zip", "portal.zip"], in: site.root)
        #expect(zip.status == 0 && FileManager.default.fileExists(atPath: site.url("portal.zip").path))
        // Built with --output elsewhere, published without it: said in words that lead to the fix.
        let elsewhere = try CLITests().run(["publish", "--output", "out", "--zip", "o.zip"], in: site.root)
        #expect(elsewhere.status == 1 && elsewhere.stderr.contains("out: error: there is no such folder: run portal build first; for a portal built with build --output, give publish the same --output [E0922]"), "\(elsewhere.stderr)")
    }
}
