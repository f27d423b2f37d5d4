import Foundation
import Testing
@testable import PortalKit

/// A build killed at any step leaves `output/` naming a complete portal, and the next build
/// cleans up after it and says so. The build is stopped at a named step by the test hook
/// (PORTAL_TEST_PAUSE) and killed there with SIGKILL.
@Suite struct OutputSwapTests {
    static let binary = CLITests.binary

    /// Starts `portal build` paused at `step`, waits (reading stderr line by line, with a
    /// deadline) until it says it paused, and kills it. Returns its pid.
    func buildKilled(at step: String, in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["build", "--quiet"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["PORTAL_TEST_PAUSE": step, "LC_ALL": "C.UTF-8"]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let handle = err.fileHandleForReading
        var seen = Data()
        let deadline = Date().addingTimeInterval(60)
        while !String(decoding: seen, as: UTF8.self).contains("portal: paused at \(step)\n") {
            #expect(Date() < deadline, "no pause line: \(String(decoding: seen, as: UTF8.self))")
            let chunk = handle.availableData  // blocks until the process writes or exits
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        #expect(String(decoding: seen, as: UTF8.self).contains("portal: paused at \(step)"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.processIdentifier
    }

    func site() throws -> TestSite {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the portal binary first (swift build)")
        let site = try TestSite(["content/guidance/a.md": page("一", body: "最初の版\n")])
        #expect(try CLITests().run(["build", "--quiet"], in: site.root).status == 0)
        try site.edit("content/guidance/a.md", replacing: "最初の版", with: "二番目の版")
        return site
    }

    func leftovers(_ site: TestSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".output.") }.sorted()
    }

    @Test("killed just before or just after the swap, output/ is a complete portal; the next build removes the leftover and says so",
          arguments: ["before-swap", "after-swap"])
    func killedAroundTheSwap(_ step: String) throws {
        let site = try site()
        defer { site.cleanUp() }
        let pid = try buildKilled(at: step, in: site.root)
        let html = try #require(site.read("output/guidance/a.html"))
        #expect(html.contains(step == "before-swap" ? "最初の版" : "二番目の版"))
        #expect(FileManager.default.fileExists(atPath: site.url("output/.portal-output").path))
        #expect(try leftovers(site) == [".output.staging-\(pid)"])
        let next = try CLITests().run(["build", "--quiet"], in: site.root)
        #expect(next.status == 0)
        #expect(next.stderr.contains("note: removed .output.staging-\(pid), left by an interrupted build (process \(pid))"), "\(next.stderr)")
        #expect(try leftovers(site) == [])
        #expect(site.read("output/guidance/a.html")?.contains("二番目の版") == true)
    }

    @Test("an output/ left missing between two renames is restored from the old folder, and a failed build says only what is true")
    func missingOutputRestored() throws {
        let site = try site()
        defer { site.cleanUp() }
        // What a build killed between the two renames of the old swap left: no output/, the old portal aside.
        let dead = try buildKilled(at: "before-swap", in: site.root)
        try FileManager.default.removeItem(at: site.url(".output.staging-\(dead)"))
        try FileManager.default.moveItem(at: site.url("output"), to: site.url(".output.old-\(dead)"))
        try site.write("content/guidance/b.md", "---\ntitle: 壊れた\n---\n[x](missing.md)\n")
        let failed = try CLITests().run(["build", "--quiet"], in: site.root)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("note: output/ was missing (a build was interrupted while swapping it); restored the previous portal from .output.old-\(dead)"), "\(failed.stderr)")
        #expect(failed.stderr.contains("output/ was not changed"))
        #expect(site.read("output/guidance/a.html")?.contains("最初の版") == true)
        #expect(try leftovers(site) == [])

        try FileManager.default.removeItem(at: site.url("output"))
        let none = try CLITests().run(["build", "--quiet"], in: site.root)
        #expect(none.stderr.contains("nothing was written to output/"), "\(none.stderr)")
        #expect(!none.stderr.contains("was not changed"))
    }

    @Test("the leftovers of a build still running are left alone")
    func runningBuildUntouched() throws {
        let site = try TestSite(["content/guidance/a.md": page()])
        defer { site.cleanUp() }
        let mine = site.url(".output.staging-\(getpid())")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        let notes = StagedOutputFolder(target: site.url("output"), displayPath: "output").recover()
        #expect(notes.isEmpty)
        #expect(FileManager.default.fileExists(atPath: mine.path))
    }

    @Test("watch killed in the middle of an update leaves every page whole; the next build clears what it left")
    func watchKilledMidUpdate() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path))
        let site = try TestSite(["content/guidance/a.md": page("一", body: "最初の版\n")])
        defer { site.cleanUp() }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["watch"]
        process.currentDirectoryURL = site.root
        process.environment = ProcessInfo.processInfo.environment.merging(["PORTAL_TEST_PAUSE": "mid-update", "LC_ALL": "C.UTF-8"]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        func read(_ pipe: Pipe, until text: String) -> Bool {
            var seen = ""
            let deadline = Date().addingTimeInterval(60)
            while !seen.contains(text), Date() < deadline {
                let chunk = pipe.fileHandleForReading.availableData  // blocks until written or closed
                if chunk.isEmpty { return false }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            return seen.contains(text)
        }
        #expect(read(out, until: "watching"))
        let before = try #require(site.read("output/guidance/a.html"))
        try site.write("content/guidance/a.md", page("一", body: "二番目の版\n"))
        #expect(read(err, until: "portal: paused at mid-update"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // Every page is a whole page: each file the update got to is the new one, the others old.
        for file in site.outputFiles() where file.hasSuffix(".html") && !file.split(separator: "/").last!.hasPrefix(".") {
            #expect(site.read("output/" + file)?.hasSuffix("</html>\n") == true, "\(file) is not whole")
        }
        let page = try #require(site.read("output/guidance/a.html"))
        #expect(page == before || page.contains("二番目の版"))
        #expect(try CLITests().run(["build", "--quiet"], in: site.root).status == 0)
        #expect(!site.outputFiles().contains { $0.contains(".tmp-") })
        #expect(site.read("output/guidance/a.html")?.contains("二番目の版") == true)
    }
}

/// A single build writes pages into the staging folder while it renders them; a mistake found
/// after that still leaves the last portal exactly as it was and no staging folder behind.
@Suite struct StreamedStagingTests {
    @Test("pages streamed to the staging folder, then a broken link: output/ as before, nothing left beside it")
    func failureAfterStreaming() async throws {
        let site = try TestSite([
            "content/guidance/a.md": page("一", body: "最初の版。[二](b.md)\n"),
            "content/guidance/b.md": page("二", body: "二つ目\n"),
        ])
        defer { site.cleanUp() }
        try await site.build()
        let before = site.tree("output")
        #expect(before["guidance/a.html"] != nil)
        // b.md's link is broken: found while resolving links, after which the pages are still
        // rendered (and streamed) so that every mistake of the run is reported.
        try site.write("content/guidance/a.md", page("一", body: "新しい版。[二](b.md)\n"))
        try site.write("content/guidance/b.md", page("二", body: "[なし](missing.md)\n"))
        await #expect(throws: BuildFailure.self) { try await site.build() }
        #expect(site.tree("output") == before)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".output.") }
        #expect(beside.isEmpty, "\(beside)")
    }

    @Test("a single build's pages are the bytes a build holding them in memory writes")
    func streamedEqualsHeld() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        // Through a session (watch's first build), pages stay in memory and are written at the end.
        var session = BuildSession()
        _ = try await site.build(session: &session, output: "held")
        try await site.build(output: "streamed", useCache: false)
        let (held, streamed) = (site.tree("held"), site.tree("streamed"))
        #expect(held.count > 50)
        #expect(held == streamed)
    }
}
