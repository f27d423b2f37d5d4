import Foundation
import PortalMarkdown

/// What `portal build` keeps for its next run in `.portal-cache/<output folder name>/` beside the
/// output folder (never inside it): each guidance page as loaded and parsed, with the stamp of
/// its file. The next build reads a page again only if its stamp changed, and parses it again
/// only if its text or the Markdown options changed. (What was rendered from the pages is
/// recorded beside it: `RenderCache`.) The cache is ignored, and rewritten, when its format
/// version or the `portal` binary differs, or when it cannot be read.
enum PageCache {
    static let version = 2
    static let folderName = ".portal-cache"
    static let fileName = "pages.v\(version)"

    struct Entry: Sendable {
        var memo: LoadedPageMemo
        var parsed: ParsedPage?
    }

    struct Contents: Sendable {
        /// What parsing depended on (`ParseSettings`): parses are reused only under the same.
        var parseSettings: StableDigest
        var entries: [String: Entry]
    }

    static func folder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(folderName).appendingPathComponent(output.lastPathComponent)
    }

    static func file(for output: URL) -> URL {
        folder(for: output).appendingPathComponent(fileName)
    }

    /// What identifies the program that wrote a cache (a rebuilt `portal` may parse differently):
    /// the size and time of the running executable.
    /// Worked out once per process: both caches are read and written with it.
    static let toolStamp: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return FileStamp(path: executable).map { "\($0.size)-\($0.modified)" } ?? "unknown"
    }()

    /// `notes` receives a line for the user when the file is there but damaged.
    static func read(for request: BuildRequest, notes: inout [String]) -> Contents? {
        guard let bytes = CacheFile.bytes(file(for: request.output), notes: &notes) else { return nil }
        var r = BinaryReader(bytes)
        do {
            guard try r.string() == "portal-cache", try r.int() == version, try r.string() == toolStamp,
                  try r.string() == request.content.path, try r.string() == request.contentDisplay else { return nil }
            let parseSettings = StableDigest(a: try r.unsigned(), b: try r.unsigned())
            let entries = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) -> (String, Entry) in
                let path = try r.string()
                let stamp = try r.stamp()
                let diagnostics = try r.array(readDiagnostic)
                let page = try r.optional(readPage)
                let document = try r.optional(readDocument)
                let parsed = page.flatMap { p in document.map { ParsedPage(page: p, document: $0) } }
                return (path, Entry(memo: LoadedPageMemo(stamp: stamp, page: page, diagnostics: diagnostics), parsed: parsed))
            }
            guard r.atEnd else { return nil }
            return Contents(parseSettings: parseSettings, entries: Dictionary(entries, uniquingKeysWith: { a, _ in a }))
        } catch {
            return nil
        }
    }

    /// Written after a successful build; a cache that cannot be written is simply not there next time.
    static func write(_ pages: [String: LoadedPageMemo], parsed: [String: ParsedPage], parseSettings: StableDigest, for request: BuildRequest) {
        var w = BinaryWriter(capacity: pages.count * 8192)
        w.string("portal-cache")
        w.int(version)
        w.string(toolStamp)
        w.string(request.content.path)
        w.string(request.contentDisplay)
        w.unsigned(parseSettings.a)
        w.unsigned(parseSettings.b)
        w.array(pages.sorted { $0.key < $1.key }) { w, entry in
            let (path, memo) = entry
            w.string(path)
            w.stamp(memo.stamp)
            w.array(memo.diagnostics, writeDiagnostic)
            w.optional(memo.page, writePage)
            // The parse is kept only for the very page loaded (same text).
            w.optional(parsed[path].flatMap { $0.page == memo.page ? $0.document : nil }, writeDocument)
        }
        CacheFile.store(w.bytes, at: file(for: request.output))
    }


    // MARK: The types, field by field

    private static func writeDiagnostic(_ w: inout BinaryWriter, _ d: Diagnostic) {
        w.string(d.severity.rawValue); w.string(d.phase.rawValue); w.string(d.path)
        w.optional(d.line) { $0.int($1) }; w.optional(d.column) { $0.int($1) }; w.string(d.message)
    }

    private static func readDiagnostic(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try r.string()), let phase = BuildPhase(rawValue: try r.string()) else { throw .init() }
        let path = try r.string()
        let line = try r.optional { (r: inout BinaryReader) throws(BinaryReader.Malformed) in try r.int() }
        let column = try r.optional { (r: inout BinaryReader) throws(BinaryReader.Malformed) in try r.int() }
        return Diagnostic(severity, phase, path: path, line: line, column: column, try r.string())
    }

    private static func writePage(_ w: inout BinaryWriter, _ p: GuidancePage) {
        w.bool(p.kind == .incident)
        w.string(p.contentPath); w.string(p.displayPath); w.string(p.slug.value); w.string(p.title); w.string(p.summary)
        w.int(p.updated.year); w.int(p.updated.month); w.int(p.updated.day)
        w.array(p.sources) { w, s in w.string(s.title); w.string(s.url) }
        w.array(p.tags) { $0.string($1) }
        w.optional(p.order) { $0.int($1) }
        w.string(p.body); w.int(p.bodyLineOffset)
        w.array(p.contactGroups) { $0.string($1) }
        w.int(p.updatedLine); w.int(p.updatedColumn)
        w.bool(p.sample); w.bool(p.linkTerms)
    }

    private static func readPage(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> GuidancePage {
        let kind: PageKind = try r.bool() ? .incident : .guidance
        let contentPath = try r.string(), displayPath = try r.string()
        guard let slug = Slug(try r.string()) else { throw .init() }
        let title = try r.string(), summary = try r.string()
        guard let updated = LocalDate(year: try r.int(), month: try r.int(), day: try r.int()) else { throw .init() }
        let sources = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) in SourceLink(title: try r.string(), url: try r.string()) }
        let tags = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) in try r.string() }
        let order = try r.optional { (r: inout BinaryReader) throws(BinaryReader.Malformed) in try r.int() }
        let body = try r.string(), bodyLineOffset = try r.int()
        let contactGroups = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) in try r.string() }
        return GuidancePage(kind: kind, contentPath: contentPath, displayPath: displayPath, slug: slug, title: title, summary: summary,
                            updated: updated, sources: sources, tags: tags, order: order, body: body, bodyLineOffset: bodyLineOffset,
                            contactGroups: contactGroups, updatedLine: try r.int(), updatedColumn: try r.int(), sample: try r.bool(), linkTerms: try r.bool())
    }

    private static func writeDocument(_ w: inout BinaryWriter, _ d: MarkdownDocument) {
        w.string(d.slottedHTML)
        w.array(d.headings) { w, h in w.int(h.level); w.string(h.text); w.string(h.id); w.int(h.line) }
        w.array(d.links) { w, l in
            w.int(l.kind == .image ? 1 : l.kind == .term ? 2 : 0); w.string(l.destination); w.string(l.title); w.string(l.text); w.int(l.line); w.int(l.column)
        }
        w.array(d.sections) { w, s in w.optional(s.headingID) { $0.string($1) }; w.string(s.title); w.string(s.text) }
        w.array(d.diagnostics) { w, m in w.bool(m.severity == .error); w.int(m.line); w.int(m.column); w.string(m.message) }
    }

    private static func readDocument(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> MarkdownDocument {
        let html = try r.string()
        let headings = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) in
            Heading(level: try r.int(), text: try r.string(), id: try r.string(), line: try r.int())
        }
        let links = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) in
            LinkReference(kind: [.link, .image, .term][min(2, max(0, try r.int()))], destination: try r.string(), title: try r.string(), text: try r.string(),
                          line: try r.int(), column: try r.int())
        }
        let sections = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) in
            TextSection(headingID: try r.optional { (r: inout BinaryReader) throws(BinaryReader.Malformed) in try r.string() },
                        title: try r.string(), text: try r.string())
        }
        let diagnostics = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) in
            MarkdownDiagnostic(severity: try r.bool() ? .error : .warning, line: try r.int(), column: try r.int(), message: try r.string())
        }
        return MarkdownDocument(slottedHTML: html, headings: headings, links: links, sections: sections, diagnostics: diagnostics)
    }
}
