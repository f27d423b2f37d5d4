import Foundation

/// `portal new page guidance/NAME.md --title …`: a guidance page with its front matter filled in
/// (today's date), its slug checked against the pages already there. Never overwrites.
public enum NewPage {
    public enum Failure: Error, Equatable {
        case notGuidance(String)
        case exists(String)
        case badSlug(String)
        /// Another page already has this slug (its path).
        case slugTaken(String, String)
        case unknownGroup(String, [String])
        case write(String, String)
    }

    /// The page's text.
    /// The body's first line, for the editor to replace; a build warns while it is still there.
    static let stubSentence = "ここに本文を Markdown で書きます。見出しは ## から始めます。"

    public static func text(title: String, summary: String, group: String?, today: LocalDate) -> String {
        var lines = ["---", "title: \(StarterPortal.quoted(title))", "summary: \(StarterPortal.quoted(summary))", "updated: \(today)"]
        if let group { lines.append("group: \(StarterPortal.quoted(group))") }
        lines += ["---", "", stubSentence, "", "## 概要", ""]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `path` (relative to the content folder, `guidance/NAME.md`) and answers its slug.
    public static func write(_ path: String, content: ContentFolder, title: String, summary: String, group: String?,
                             today: LocalDate) throws(Failure) -> String {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 2, parts[0] == "guidance", parts[1].lowercased().hasSuffix(".md"), parts[1].count > 3 else {
            throw .notGuidance(path)
        }
        let stem = String(parts[1].dropLast(3))
        guard let slug = Slug.fromFileName(stem) else { throw .badSlug(stem) }
        let target = content.root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: target.path) { throw .exists(content.displayPath(path)) }
        // Every other page's slug, as the build would see it.
        var log = DiagnosticLog()
        for file in content.files(in: "guidance", log: &log) where file.lowercased().hasSuffix(".md") {
            guard let text = content.readText(file, log: &log),
                  let page = GuidanceLoader.load(text, contentPath: file, displayPath: content.displayPath(file), modified: today, log: &log) else { continue }
            if page.slug == slug { throw .slugTaken(slug.value, content.displayPath(file)) }
        }
        if let group {
            var configLog = DiagnosticLog()
            let groups = content.readText("site.yml", log: &configLog)
                .flatMap { SiteConfigLoader.load($0, path: content.displayPath("site.yml"), log: &configLog) }?.guidanceGroups ?? []
            if !groups.contains(group) { throw .unknownGroup(group, groups) }
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text(title: title, summary: summary, group: group, today: today).utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            throw .write(content.displayPath(path), error.localizedDescription)
        }
        return slug.value
    }
}
