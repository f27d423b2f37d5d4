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
        #expect(siblings == ["content", "output", "templates"])
    }

    @Test("an output folder holding only the committed README is accepted")
    func acceptsReadmeOnly() async throws {
        let site = try TestSite(["content/guidance/a.md": page(), "output/README.md": "x"])
        defer { site.cleanUp() }
        try await site.build()
        #expect(site.read("output/README.md")?.contains("portal build") == true)
    }
}
