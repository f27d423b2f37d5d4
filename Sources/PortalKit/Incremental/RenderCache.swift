import Foundation

/// What `portal build` records of the units it rendered (`RenderUnits`), for its next run, in
/// `.portal-cache/<output>/renders.v4` beside the page cache: for each unit (a guidance page,
/// the list pages, the search page, each kind's pages) its fingerprint,
/// with the stamps its files had in the output once the build was in place. Every fingerprint
/// covers the unit's layout (the texts of the templates it is rendered with, and site.yml as
/// loaded) and everything else it is made of, derived from the values' `Codable` conformance.
/// The search index's files are recorded the same way, by a fingerprint of every search document.
/// The next build does not render a unit again while its fingerprint is the same and its files
/// in the output still have those stamps: the files are linked into the new output as they are.
/// Anything else (no record, another `portal` binary, a damaged file, an output folder touched by
/// hand) and they are rendered.
enum RenderCache {
    static let version = 4
    static let fileName = "renders.v\(version)"
    /// The keys of the site's own pages' units (a kind's own units go by content path; these
    /// cannot be one): the home page, guidance list and site map; and the search page.
    static let listsKey = ":lists", searchKey = ":search"
    /// And the search index's files, by a digest of every search document.
    static let indexKey = ":index"

    /// The key of a kind's unit.
    static func kindKey(_ id: String) -> String { ":kind:" + id }

    struct Kept: Sendable, Equatable {
        var path: SitePath
        var stamp: FileStamp
    }

    /// A page, or a group of pages rendered from the same inputs: its files, as stamped in the
    /// output after the build, and the digest of those inputs.
    struct Entry: Sendable, Equatable {
        var files: [Kept]
        var digest: StableDigest
    }

    struct Contents: Sendable, Equatable {
        /// By content path, or one of the group keys.
        var entries: [String: Entry]
    }

    /// What a build may reuse from the last one's output.
    struct Reuse: Sendable {
        var entries: [String: Entry]
        /// The output folder as it was before this build.
        var outputRoot: String

        /// The previous output's files for `key`, if they are still what the record says was
        /// rendered from inputs with this digest.
        func files(for key: String, digest: StableDigest) -> [OutputFile]? {
            guard let entry = entries[key], entry.digest == digest else { return nil }
            var files: [OutputFile] = []
            files.reserveCapacity(entry.files.count)
            for kept in entry.files {
                let file = outputRoot + "/" + kept.path.string
                guard let stamp = FileStamp(path: file), stamp == kept.stamp else { return nil }
                files.append(OutputFile(path: kept.path, body: .previous(file: file, stamp: stamp)))
            }
            return files
        }
    }

    static func file(for output: URL) -> URL {
        PageCache.folder(for: output).appendingPathComponent(fileName)
    }

    /// The templates a group of pages is rendered with, and site.yml.
    static func layout(templates: [String: String], site: StableDigest) -> StableDigest {
        var d = StableDigest()
        for name in templates.keys.sorted() {
            d.add(name)
            d.add(templates[name]!)
        }
        d.add(site)
        return d
    }

    /// Everything the search index is made of.
    /// Digested in parts of a fixed size, on every core (fifty thousand documents at 10,000 pages
    /// took a twentieth of a second on one core while the other waited); the parts' size, not
    /// the machine's cores, decides the digest.
    static func digest(_ documents: [SearchDocument]) async -> StableDigest {
        let size = 1024
        let parts = stride(from: 0, to: documents.count, by: size).map { $0..<min($0 + size, documents.count) }
        var digest = StableDigest()
        digest.add(documents.count)
        for part in await parallelMap(parts, { Fingerprint.of(Array(documents[$0])) }) { digest.add(part) }
        return digest
    }

    /// What links resolve against: every page's path and headings, the attachments.
    static func digest(targets: [String: LinkResolver.Target], attachments: [Attachment]) -> StableDigest {
        var d = StableDigest()
        d.add(targets.count)
        for key in targets.keys.sorted() {
            d.add(key)
            d.add(targets[key]!.outputPath.string)
            d.add(targets[key]!.headingIDs.sorted())
        }
        d.add(attachments.count)
        for a in attachments {
            d.add(a.contentPath); d.add(a.size)
            d.add(a.dimensions.map { "\($0)" } ?? "")
        }
        return d
    }

    static func read(for request: BuildRequest, notes: inout [String], fromAnyBinary: Bool = false) -> Contents? {
        guard let bytes = CacheFile.bytes(file(for: request.output), notes: &notes) else { return nil }
        var r = BinaryReader(bytes)
        do {
            guard try r.string() == "portal-renders", try r.int() == version, try r.string() == PageCache.toolStamp || fromAnyBinary,
                  try r.string() == request.output.path else { return nil }
            let entries = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) -> (String, Entry) in
                let key = try r.string()
                let digest = StableDigest(a: try r.unsigned(), b: try r.unsigned())
                let files = try r.array { (r: inout BinaryReader) throws(BinaryReader.Malformed) -> Kept in
                    let path = try r.string()
                    guard !path.isEmpty, !path.split(separator: "/").contains("..") else { throw .init() }
                    let stamp = try r.stamp()
                    return Kept(path: SitePath(path), stamp: stamp)
                }
                return (key, Entry(files: files, digest: digest))
            }
            guard r.atEnd else { return nil }
            return Contents(entries: Dictionary(entries, uniquingKeysWith: { a, _ in a }))
        } catch {
            return nil
        }
    }

    /// After the build is in place: each page's files are stamped as they now stand in the output.
    static func write(_ digests: [String: ([SitePath], StableDigest)], for request: BuildRequest) async {
        var w = BinaryWriter(capacity: digests.count * 96 + 256)
        w.string("portal-renders")
        w.int(version)
        w.string(PageCache.toolStamp)
        w.string(request.output.path)
        // Fourteen thousand files stamped at 10,000 pages: on every core, the last step of a build.
        let root = request.output.path
        let stamped = await parallelMap(digests.sorted { $0.key < $1.key }) { key, value -> (String, StableDigest, [Kept])? in
            var files: [Kept] = []
            for path in value.0 {
                guard let stamp = FileStamp(path: root + "/" + path.string) else { return nil }
                files.append(Kept(path: path, stamp: stamp))
            }
            return (key, value.1, files)
        }.compactMap { $0 }
        w.array(stamped) { w, entry in
            let (key, digest, files) = entry
            w.string(key)
            w.unsigned(digest.a); w.unsigned(digest.b)
            w.array(files) { w, kept in
                w.string(kept.path.string)
                w.stamp(kept.stamp)
            }
        }
        CacheFile.store(w.bytes, at: file(for: request.output))
    }
}
