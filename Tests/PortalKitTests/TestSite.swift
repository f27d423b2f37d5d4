import Foundation
import Testing
@testable import PortalKit

/// A whole site written into its own temporary folder: content from an inline file list (like
/// Hugo's txtar sites) or copied from Fixtures/, templates from the repository's `templates/`.
struct TestSite {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let minimalSite = "title: テスト\nlanguage: ja\n"

    let root: URL

    init(_ files: [String: String] = [:], fixture: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-test-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        if let fixture {
            try fm.copyItem(at: Self.fixtures.appendingPathComponent(fixture).appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        } else {
            try fm.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        }
        try fm.copyItem(at: Self.repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        var all = files
        if fixture == nil, all["content/site.yml"] == nil { all["content/site.yml"] = Self.minimalSite }
        for (path, text) in all { try write(path, text) }
    }

    /// The repository's own sample content (every kind of page), with the templates.
    static func sample() throws -> TestSite {
        let site = try TestSite()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        return site
    }

    /// Every file under a folder of the site with its bytes, by relative path.
    func tree(_ folder: String) -> [String: Data] {
        let base = url(folder).standardizedFileURL
        guard let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var files: [String: Data] = [:]
        for case let file as URL in e where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(file.standardizedFileURL.path.dropFirst(base.path.count + 1))] = try? Data(contentsOf: file)
        }
        return files
    }

    /// Replaces the first occurrence of `old` in a file of the site (which must hold it).
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try #require(read(path))
        let range = try #require(text.range(of: old), "\(path) does not contain \(old)")
        try write(path, text.replacingCharacters(in: range, with: new))
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func read(_ path: String) -> String? {
        (try? Data(contentsOf: url(path))).map { String(decoding: $0, as: UTF8.self) }
    }

    var request: BuildRequest {
        BuildRequest(content: "content", templates: "templates", output: "output", relativeTo: root)
    }

    func buildRequest(output: String = "output", strict: Bool = false, useCache: Bool = true) -> BuildRequest {
        var r = BuildRequest(content: "content", templates: "templates", output: output, relativeTo: root)
        r.strict = strict
        r.useCache = useCache
        return r
    }

    @discardableResult
    func build(strict: Bool = false, output: String = "output", useCache: Bool = true) async throws(BuildFailure) -> BuildSummary {
        try await Builder.build(buildRequest(output: output, strict: strict, useCache: useCache))
    }

    /// One build of a series (watch), reusing what `session` holds.
    @discardableResult
    func build(strict: Bool = false, session: inout BuildSession, output: String = "output") async throws(BuildFailure) -> BuildSummary {
        try await Builder.build(buildRequest(output: output, strict: strict), session: &session)
    }

    /// The diagnostics of a build that must fail, as the CLI prints them.
    func failure(strict: Bool = false) async -> [String] {
        do {
            try await build(strict: strict)
            Issue.record("the build succeeded but should have failed")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Every file under output/, relative, sorted.
    func outputFiles() -> [String] {
        let base = url("output")
        guard let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let file as URL in e where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(String(file.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)))
        }
        return files.sorted()
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A site given as files that must fail to build with exactly these diagnostics.
struct SiteCase: Sendable, CustomStringConvertible {
    var name: String
    var files: [String: String]
    var expected: [String]
    var description: String { name }
}

func page(_ title: String = "ページ", updated: String = "2024-12-12", extra: String = "", body: String = "本文\n") -> String {
    "---\ntitle: \(title)\nupdated: \(updated)\n\(extra)---\n\(body)"
}
