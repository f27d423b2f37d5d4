import Foundation
import Testing

/// Runs the built `portal` binary as a user would: exit codes, messages, the sample portal.
@Suite struct CLITests {
    static let binary = TestSite.repositoryRoot.appendingPathComponent(".build/debug/portal")

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The locale is fixed (English unless `language` says otherwise), whatever the machine's is.
    func run(_ arguments: [String], in folder: URL, language: String = "C.UTF-8") throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = language
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test("builds the sample content: exit 0, every page present, every link and anchor resolves")
    func sampleContent() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the portal binary first (swift build)")
        let site = try TestSite()
        defer { site.cleanUp() }
        try FileManager.default.removeItem(at: site.url("content"))
        try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent("content"), to: site.url("content"))
        let result = try run(["build"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote"))
        let files = site.outputFiles()
        #expect(files.contains("index.html"))
        #expect(files.contains("assets/portal.css"))
        #expect(files.filter { $0.hasPrefix("guidance/") && $0.hasSuffix(".html") }.count >= 10)
        let broken = LinkChecker.brokenLinks(in: site.url("output"), files: files)
        #expect(broken.isEmpty, "\(broken)")
    }

    @Test("content errors exit 1 with compiler-style lines and a summary")
    func contentError() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path))
        let site = try TestSite(["content/guidance/a.md": "---\ntitle: A\n---\n"])
        defer { site.cleanUp() }
        let result = try run(["build"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/guidance/a.md:2:1: error: missing required key 'updated' [E0103]"))
        #expect(result.stderr.contains("build failed: 1 error; nothing was written to output/"))
        #expect(!FileManager.default.fileExists(atPath: site.url("output").path))
    }

    @Test("portal check: exit 0 with warnings, 1 with --strict or errors; JSON for pipelines")
    func check() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path))
        let site = try TestSite(["content/guidance/a.md": page(updated: "2020-01-01")])
        defer { site.cleanUp() }
        let plain = try run(["check", "--today", "2024-12-12"], in: site.root)
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("content/guidance/a.md:3:10: warning: last updated 2020-01-01"))
        #expect(plain.stdout.contains("0 errors, 1 warning, 5 pages checked"))
        let strict = try run(["check", "--strict", "--today", "2024-12-12"], in: site.root)
        #expect(strict.status == 1 && strict.stdout.contains("; failed on warnings (--strict)"), "\(strict.stdout)")
        #expect(try run(["check", "--strict", "--today", "2024-12-12"], in: site.root, language: "ja_JP.UTF-8").stdout.contains("。--strict のため警告で失敗しました"))
        let json = try run(["check", "--format", "json", "--today", "2024-12-12"], in: site.root)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(decoded?["warnings"] as? Int == 1)
        try site.write("content/guidance/b.md", page(body: "[x](nope.md)\n"))
        #expect(try run(["check", "--today", "2024-12-12"], in: site.root).status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.url("output").path))
    }

    @Test("usage errors exit 2", arguments: [["build", "--nope"], ["frobnicate"], ["build", "--content"]])
    func usageError(arguments: [String]) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path))
        let result = try run(arguments, in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test("--version and --help exit 0")
    func versionAndHelp() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path))
        #expect(try run(["--version"], in: FileManager.default.temporaryDirectory).status == 0)
        let help = try run(["build", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--strict"))
    }
}

/// Finds every href/src in the output's HTML and checks that the file and anchor exist.
enum LinkChecker {
    static func brokenLinks(in root: URL, files: [String]) -> [String] {
        var broken: [String] = []
        var idsByFile: [String: Set<String>] = [:]
        func ids(_ file: String) -> Set<String> {
            if let cached = idsByFile[file] { return cached }
            let html = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            let found = Set(matches(#"id="([^"]+)""#, in: html))
            idsByFile[file] = found
            return found
        }
        for file in files where file.hasSuffix(".html") {
            let html = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for target in matches(#"(?:href|src)="([^"]+)""#, in: html) {
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") || target.hasPrefix("tel:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                // A query (the registry's ?cat=… links) selects state in the page, not a file.
                let file0 = String(parts[0].prefix { $0 != "?" })
                let path = file0.removingPercentEncoding ?? file0
                let fragment = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : nil
                let resolved = path.isEmpty ? file : normalize(folder(of: file) + path)
                guard let resolved, files.contains(resolved) else {
                    broken.append("\(file): \(target)")
                    continue
                }
                if let fragment, !fragment.isEmpty, !ids(resolved).contains(fragment) {
                    broken.append("\(file): \(target) (no such anchor)")
                }
            }
        }
        return broken
    }

    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[...slash])
    }

    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for p in path.split(separator: "/") {
            if p == "." { continue }
            if p == ".." { if parts.isEmpty { return nil }; parts.removeLast() } else { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }
}
