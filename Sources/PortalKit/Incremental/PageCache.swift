import Foundation
import PortalMarkdown

/// What `portal build` keeps for its next run in `.portal-cache/<output folder name>/` beside the
/// output folder (never inside it): each guidance page as loaded and parsed, with the stamp of
/// its file. The next build reads a page again only if its stamp changed, and parses it again
/// only if its text or the Markdown options changed. (What was rendered from the pages is
/// recorded beside it: `RenderCache`.) The cache is ignored, and rewritten, when its format
/// version or the `portal` binary differs, or when it cannot be read.
enum PageCache {
    static let version = 5
    static let folderName = ".portal-cache"
    static let fileName = "pages.v\(version)"

    struct Entry: Sendable {
        var memo: LoadedPageMemo
        var parsed: ParsedPage?
        /// The entry as it is in the file: written again as it is while the page is unchanged.
        var encoded: ArraySlice<UInt8> = []
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

    /// The file: what wrote it and for which content, then every page, each a value of its own
    /// (so they are decoded on every core). Its format is derived from the types (`CacheCoder`):
    /// a field added to a page is stored without a line here.
    private struct Header: Codable {
        var format = "portal-cache"
        var version = PageCache.version
        var toolStamp = PageCache.toolStamp
        var content: String
        var contentDisplay: String
        var parseSettings: StableDigest
    }

    private struct StoredPage: Codable {
        var path: String
        var memo: LoadedPageMemo
        /// The parse, kept only for the very page loaded (same text).
        var document: MarkdownDocument?
    }

    /// `notes` receives a line for the user when the file is there but damaged.
    static func read(for request: BuildRequest, notes: inout [String]) async -> Contents? {
        guard let bytes = CacheFile.bytes(file(for: request.output), notes: &notes),
              let values = try? CacheCoder.Values(bytes), values.count >= 1,
              let header = try? values.decode(Header.self, at: 0),
              header.format == "portal-cache", header.version == version, header.toolStamp == toolStamp,
              header.content == request.content.path, header.contentDisplay == request.contentDisplay
        else { return nil }
        let pages = await parallelMap(Array(1..<values.count)) { i in (try? values.decode(StoredPage.self, at: i)).map { ($0, values.encoded(at: i)) } }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(pages.count)
        for page in pages {
            guard let (p, encoded) = page else { return nil }
            let parsed = p.memo.page.flatMap { page in p.document.map { ParsedPage(page: page, document: $0) } }
            entries[p.path] = Entry(memo: p.memo, parsed: parsed, encoded: encoded)
        }
        return Contents(parseSettings: header.parseSettings, entries: entries)
    }

    /// Written after a successful build; a cache that cannot be written is simply not there next time.
    /// `previous`: the cache this build read; a page loaded and parsed as it holds it (the same
    /// objects) is written as the bytes it was read from, so a one-page edit encodes one page.
    static func write(_ pages: [String: LoadedPageMemo], parsed: [String: ParsedPage], parseSettings: StableDigest, previous: Contents?,
                      for request: BuildRequest) async {
        let header = Header(content: request.content.path, contentDisplay: request.contentDisplay, parseSettings: parseSettings)
        let reusable = previous?.parseSettings == parseSettings ? previous?.entries ?? [:] : [:]
        let stored = pages.sorted { $0.key < $1.key }.map { path, memo in
            (path, parsed[path], StoredPage(path: path, memo: memo, document: parsed[path].flatMap { $0.page == memo.page ? $0.document : nil }))
        }
        // The cache's own objects, handed through load and parse unchanged, are its own bytes.
        let encode = { @Sendable (path: String, parse: ParsedPage?, page: StoredPage) -> ArraySlice<UInt8> in
            if let old = reusable[path], !old.encoded.isEmpty, old.memo.stamp == page.memo.stamp, old.memo.page === page.memo.page,
               old.parsed === parse {
                return old.encoded
            }
            return CacheCoder.encode(page, capacity: 8192)[...]
        }
        // Encoded and written a batch at a time: all at once, the encoded pages would be a
        // hundred megabytes held while the index is built on the other core.
        guard var writer = CacheFile.Writer(file(for: request.output)) else { return }
        writer.append([CacheCoder.encode(header, capacity: 256)[...]])
        for start in stride(from: 0, to: stored.count, by: 512) {
            writer.append(await parallelMap(Array(stored[start..<min(start + 512, stored.count)]), encode))
        }
        writer.commit()
    }
}
