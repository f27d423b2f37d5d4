import Foundation

/// What `portal build` records of the guidance pages it rendered, for its next run, in
/// `.portal-cache/<output>/renders.v1` beside the page cache: the digest of the layout (every
/// template's text and site.yml's bytes) and, for each page, the digest of everything its file is
/// made of (the page as resolved: its text with every link resolved against the other pages, its
/// headings, front matter and output path) and the stamp its file had in the output once the
/// build was in place. The next build does not render a page again while the layout and the
/// page's digest are the same and its file in the output still has that stamp: the file is
/// linked into the new output as it is. Anything else (no record, another `portal` binary, a
/// damaged file, an output folder touched by hand) and the page is rendered.
enum RenderCache {
    static let version = 1
    static let fileName = "renders.v\(version)"

    struct Entry: Sendable, Equatable {
        var outputPath: SitePath
        var digest: StableDigest
        var stamp: FileStamp
    }

    struct Contents: Sendable, Equatable {
        var layout: StableDigest
        /// By content path.
        var entries: [String: Entry]
    }

    /// What a build may reuse from the last one's output.
    struct Reuse: Sendable {
        var layoutUnchanged: Bool
        var entries: [String: Entry]
        /// The output folder as it was before this build.
        var outputRoot: String

        /// The previous output's file for the page, if it is still what the record says was
        /// rendered from exactly these inputs.
        func file(for contentPath: String, at path: SitePath, digest: StableDigest) -> OutputFile? {
            let file = outputRoot + "/" + path.string
            guard layoutUnchanged, let entry = entries[contentPath], entry.outputPath == path, entry.digest == digest,
                  let stamp = FileStamp(path: file), stamp == entry.stamp else { return nil }
            return OutputFile(path: path, body: .previous(file: file, stamp: stamp))
        }
    }

    static func file(for output: URL) -> URL {
        PageCache.folder(for: output).appendingPathComponent(fileName)
    }

    static func layout(templates: [String: String], siteText: Data?) -> StableDigest {
        var d = StableDigest()
        for name in templates.keys.sorted() {
            d.add(name)
            d.add(templates[name]!)
        }
        if let siteText { siteText.withUnsafeBytes { d.add($0) } } else { d.add(-1) }
        return d
    }

    /// Everything the page template is given of a page.
    static func digest(_ r: RenderedPage) -> StableDigest {
        var d = StableDigest()
        let p = r.page
        d.add(p.outputPath.string)
        d.add(p.title)
        d.add(p.summary)
        d.add(p.updated.year); d.add(p.updated.month); d.add(p.updated.day)
        d.add(p.sources.count)
        for s in p.sources { d.add(s.title); d.add(s.url) }
        d.add(p.tags)
        d.add(r.contentHTML)
        d.add(r.headings.count)
        for h in r.headings { d.add(h.level); d.add(h.text); d.add(h.id) }
        return d
    }

    static func read(for request: BuildRequest) -> Contents? {
        guard let data = FileManager.default.contents(atPath: file(for: request.output).path) else { return nil }
        var r = BinaryReader(Array(data))
        do {
            guard try r.string() == "portal-renders", try r.int() == version, try r.string() == PageCache.toolStamp,
                  try r.string() == request.output.path else { return nil }
            let layout = StableDigest(a: try r.unsigned(), b: try r.unsigned())
            let entries = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) -> (String, Entry) in
                let contentPath = try r.string()
                let path = try r.string()
                guard !path.isEmpty, !path.split(separator: "/").contains("..") else { throw .init() }
                let digest = StableDigest(a: try r.unsigned(), b: try r.unsigned())
                let stamp = FileStamp(size: Int64(try r.int()), modified: Int64(try r.int()), changed: Int64(try r.int()), inode: try r.unsigned())
                return (contentPath, Entry(outputPath: SitePath(path), digest: digest, stamp: stamp))
            }
            guard r.atEnd else { return nil }
            return Contents(layout: layout, entries: Dictionary(entries, uniquingKeysWith: { a, _ in a }))
        } catch {
            return nil
        }
    }

    /// After the build is in place: each page's file is stamped as it now stands in the output.
    static func write(layout: StableDigest, digests: [String: (SitePath, StableDigest)], for request: BuildRequest) {
        var w = BinaryWriter(capacity: digests.count * 96 + 256)
        w.string("portal-renders")
        w.int(version)
        w.string(PageCache.toolStamp)
        w.string(request.output.path)
        w.unsigned(layout.a); w.unsigned(layout.b)
        let stamped = digests.sorted { $0.key < $1.key }.compactMap { contentPath, value -> (String, SitePath, StableDigest, FileStamp)? in
            FileStamp(path: request.output.path + "/" + value.0.string).map { (contentPath, value.0, value.1, $0) }
        }
        w.array(stamped) { w, entry in
            let (contentPath, path, digest, stamp) = entry
            w.string(contentPath)
            w.string(path.string)
            w.unsigned(digest.a); w.unsigned(digest.b)
            w.int(Int(stamp.size)); w.int(Int(stamp.modified)); w.int(Int(stamp.changed)); w.unsigned(stamp.inode)
        }
        PageCache.store(w.bytes, at: file(for: request.output))
    }
}
