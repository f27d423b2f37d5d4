import Foundation
import Testing
@testable import PortalKit

@Suite struct OutputSafetyTests {
    func request(_ site: TestSite, output: String) -> BuildRequest {
        BuildRequest(content: "content", templates: "templates", output: output, relativeTo: site.root)
    }

    @Test("refuses an output folder that is, contains or sits inside what the build reads", arguments: [
        "content", "templates", ".", "content/out", "/",
    ])
    func refusesDangerousOutput(output: String) async throws {
        let site = try TestSite(["content/guidance/a.md": page()])
        defer { site.cleanUp() }
        await #expect(throws: BuildFailure.self) { try await Builder.build(request(site, output: output)) }
        #expect(FileManager.default.fileExists(atPath: site.url("content/guidance/a.md").path))
        #expect(FileManager.default.fileExists(atPath: site.url("templates/page.mustache").path))
    }

    @Test("refuses to replace a non-empty folder that portal did not make")
    func refusesForeignFolder() async throws {
        let site = try TestSite(["content/guidance/a.md": page(), "mine/notes.txt": "大事なメモ"])
        defer { site.cleanUp() }
        await #expect(throws: BuildFailure.self) { try await Builder.build(request(site, output: "mine")) }
        #expect(site.read("mine/notes.txt") == "大事なメモ")
    }

    @Test("replaces its own output whole: files of removed pages disappear, nothing is left beside it")
    func replacesWhole() async throws {
        let site = try TestSite(["content/guidance/a.md": page(), "content/guidance/b.md": page()])
        defer { site.cleanUp() }
        try await site.build()
        #expect(site.outputFiles().contains("guidance/b.html"))
        try site.remove("content/guidance/b.md")
        try await site.build()
        #expect(!site.outputFiles().contains("guidance/b.html"))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(siblings == [".portal-cache", "content", "output", "templates"])
    }

    @Test("a rebuild links the files it would write unchanged and writes the rest afresh")
    func rebuildLinksUnchanged() async throws {
        let site = try TestSite(["content/guidance/a.md": page(), "content/guidance/b.md": page()])
        defer { site.cleanUp() }
        try await site.build()
        let before = try inodes(site, ["output/guidance/a.html", "output/guidance/b.html", "output/assets/portal.css"])
        // Same size, other bytes: only a comparison of the bytes can tell.
        let css = try #require(site.read("output/assets/portal.css"))
        try site.write("output/assets/portal.css", String(repeating: "x", count: css.utf8.count))
        try site.write("content/guidance/b.md", page().replacingOccurrences(of: "本文", with: "書き換えた本文"))
        try await site.build()
        let after = try inodes(site, ["output/guidance/a.html", "output/guidance/b.html", "output/assets/portal.css"])
        #expect(after[0] == before[0])
        #expect(after[1] != before[1])
        #expect(site.read("output/guidance/b.html")?.contains("書き換えた本文") == true)
        #expect(site.read("output/assets/portal.css") == css)
    }

    private func inodes(_ site: TestSite, _ paths: [String]) throws -> [UInt64] {
        try paths.map { path in
            let attributes = try FileManager.default.attributesOfItem(atPath: site.url(path).path)
            return try #require(attributes[.systemFileNumber] as? UInt64)
        }
    }

    @Test("an output folder holding only the committed README is accepted")
    func acceptsReadmeOnly() async throws {
        let site = try TestSite(["content/guidance/a.md": page(), "output/README.md": "x"])
        defer { site.cleanUp() }
        try await site.build()
        #expect(site.read("output/README.md")?.contains("portal build") == true)
    }
}
