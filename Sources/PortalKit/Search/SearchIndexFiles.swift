import Foundation

/// Writes the index twice: `search-index.json` for other tools (documented in the README), and
/// classic scripts for the page, split so that a query loads only what it needs: term shards
/// (a term lives in the shard of its first character, so a prefix is always in one shard) and
/// document chunks (loaded for the results shown).
enum SearchIndexFiles {
    static let jsonPath = SitePath("search-index.json")
    static let folder = "search"
    /// Aim for shards and chunks of about this size; a query touches a few of each.
    static let targetShardBytes = 12_000
    /// Before compression: a chunk of about 12 kB of rows travels as about 5 kB.
    static let targetChunkBytes = 12_000
    /// Document chunks and tail files travel deflated by libdeflate (see `compressedScript`,
    /// `Deflate.part`). Tails are mostly digits, a third of the search files' bytes and the
    /// build's largest compression: at libdeflate's level 1 the encode step of 10,000 pages takes
    /// 0.29 s against 0.39 at level 4 and 0.36 at level 2, for tails 4 % larger (16.64 against
    /// 16.02 MB; `search/` 30.07 MB, under Pagefind's 31) and no larger at 1,000 pages.
    static let chunkLevel: Int32 = 6
    static let tailLevel: Int32 = 1
    /// A term's best postings (by weight) go in its shard; the rest in a tail file loaded only
    /// when the heads do not give enough results. Common terms would otherwise make every query
    /// load hundreds of kilobytes.
    static let headPostings = 300

    static let rule = "NFKC, lower case, small kana as large, ヴァ as バ, a final ー dropped from katakana words of 4+ characters; Latin letter/digit runs are words; Japanese runs give each character with the next one (bigram), the last character alone; a query is split into words (ICU word breaks, katakana kept whole) with their synonyms; a word matches a document holding every token of one of its spellings, tokens matching terms that start with them; pages holding every word first, then pages holding some"

    /// One document, encoded once for both outputs.
    struct DocumentPieces: Sendable {
        /// Its object in `search-index.json`.
        var json: [UInt8]
        /// Its row in a `docs-N.js` chunk.
        var row: [UInt8]
        /// Where a chunk may start (see `startsChunk`), from the document's URL only.
        var boundary: Bool
        /// What the page's meta needs: the result group the document is in (its page; a glossary entry alone), its kind, and for services
        /// the category with its label.
        var page: Substring
        var kind: SearchDocument.Kind
        var category: String
        var categoryLabel: String

        init(_ d: SearchDocument, id: Int, json contents: JSONIndexContents = .full) {
            var w = JSONWriter(capacity: (contents == .full ? d.text.utf8.count : 256) + 256)
            w.raw("{")
            w.key("breadcrumb"); w.stringArray(d.breadcrumb); w.comma()
            w.key("category"); w.string(d.category); w.comma()
            w.key("id"); w.int(id); w.comma()
            w.key("page_title"); w.string(d.pageTitle); w.comma()
            if contents == .full {
                w.key("text"); w.string(d.text); w.comma()
            } else {
                w.key("summary"); w.string(JSONIndexContents.summary(of: d.text)); w.comma()
            }
            w.key("title"); w.string(d.title); w.comma()
            w.key("type"); w.string(d.kind.rawValue); w.comma()
            w.key("url"); w.string(d.url)
            w.raw("}")
            json = w.bytes
            var r = JSONWriter(forScript: true, capacity: d.text.utf8.count + 256)
            r.stringArray([d.kind.rawValue, d.title, d.breadcrumb.joined(separator: " › "), d.url, d.text, d.category ?? "", d.pageTitle])
            row = r.bytes
            boundary = SearchIndexFiles.isChunkBoundary(d.url)
            page = d.resultGroup
            kind = d.kind
            category = d.category ?? ""
            categoryLabel = d.kind == .service && d.breadcrumb.count > 1 ? d.breadcrumb[1] : ""
        }
    }

    /// One term, encoded once: its entry in `search-index.json`, in its shard, in its tail file.
    struct TermPieces: Sendable {
        var term: String
        var json: [UInt8]
        var head: [UInt8]
        var tail: [UInt8]
        /// Roughly its bytes in a shard: enough to choose the number of shards.
        var estimate: Int
        /// Whether a block of `search-index.json` starts here (see `IndexJSONBlocks`).
        var boundary: Bool
        /// Where the head ended when encoded (nil: every posting is in the head).
        var cut: PostingEncoder.HeadCut?

        /// `json`: also its entry in `search-index.json` (only the full index lists postings).
        init(_ term: String, _ postings: [SearchIndex.Posting], json withJSON: Bool = true) {
            self.term = term
            let quote: [UInt8] = [UInt8(ascii: "\"")]
            var j = JSONWriter(capacity: term.utf8.count + 8)
            j.key(term); j.raw("\"")
            // "df|postings": the document frequency keeps idf exact when only the head is loaded.
            var k = JSONWriter(forScript: true, capacity: term.utf8.count + 8)
            k.key(term); k.raw("\"")
            let key = k.bytes
            k.int(postings.count); k.raw("|")
            cut = SearchIndexFiles.headCut(postings)
            if let cut {
                (json, head, tail) = PostingEncoder.encode(postings, prefix: j.bytes, headPrefix: k.bytes, tailPrefix: key, suffix: quote, cut: cut,
                                                           all: withJSON)
            } else {
                json = withJSON ? PostingEncoder.encode(postings, prefix: j.bytes, suffix: quote) : []
                head = PostingEncoder.encode(postings, prefix: k.bytes, suffix: quote)
                tail = []
            }
            estimate = term.utf8.count + 8 + min(postings.count, SearchIndexFiles.headPostings) * 5
            boundary = SearchIndexFiles.isChunkBoundary(term)
        }
    }

    /// The files of an index (tests and one-off use; builds go through `SearchIndexState`).
    static func files(_ index: SearchIndex) async -> [OutputFile] {
        let documents = index.documents.enumerated().map { DocumentPieces($1, id: $0) }
        let terms = index.terms.map { TermPieces($0.term, $0.postings) }
        var parts = ScriptParts()
        return await parts.assemble(averageLength: index.averageLength, documents: documents, terms: terms, changedTerms: nil, changedDocuments: nil, again: false)
    }

    /// Postings as one compact string: document ids as base-36 gaps, then the weight, e.g. "0:2s,3:1z".
    static func encodePostings(_ postings: [SearchIndex.Posting]) -> String {
        String(decoding: PostingEncoder.encode(postings, prefix: [], suffix: []), as: UTF8.self)
    }

    /// The `headPostings` heaviest postings, and the rest; both in document order. Ties at the
    /// cut go to the lower document ids.
    static func split(_ postings: [SearchIndex.Posting]) -> (head: [SearchIndex.Posting], tail: [SearchIndex.Posting]) {
        guard let cut = headCut(postings) else { return (postings, []) }
        return (postings.filter(cut.contains), postings.filter { !cut.contains($0) })
    }

    /// Where the `headPostings` heaviest postings end (nil: all are heads). Only the weights
    /// are ranked (plain integers), never the postings.
    static func headCut(_ postings: [SearchIndex.Posting]) -> PostingEncoder.HeadCut? {
        guard postings.count > headPostings else { return nil }
        let cut = nthLargestWeight(postings, headPostings)
        var tiesAllowed = headPostings - postings.lazy.filter { $0.weight > cut }.count
        var lastTie = -1
        for p in postings where p.weight == cut {
            if tiesAllowed == 0 { break }
            lastTie = p.document
            tiesAllowed -= 1
        }
        return PostingEncoder.HeadCut(weight: cut, lastTie: lastTie)
    }

    /// Weights are small integers: a histogram finds the cut in one pass, where sorting every
    /// long posting list cost more than writing it.
    static func nthLargestWeight(_ postings: [SearchIndex.Posting], _ n: Int) -> Int {
        let top = postings.reduce(0) { max($0, $1.weight) }
        guard top < 1 << 16, postings.allSatisfy({ $0.weight >= 0 }) else {
            return postings.map(\.weight).sorted(by: >)[n - 1]
        }
        var histogram = [Int](repeating: 0, count: top + 1)
        for p in postings { histogram[p.weight] += 1 }
        var seen = 0
        for w in stride(from: top, through: 0, by: -1) {
            seen += histogram[w]
            if seen >= n { return w }
        }
        return 0
    }

    static func shard(of term: String, count: Int) -> Int {
        Int(term.unicodeScalars.first!.value) % count
    }

    /// A chunk of documents may also start where a document's URL says so (about one in
    /// `boundaryEvery`), not only where the previous chunk is full: after an edit changes one
    /// document's size, the chunks re-align at the next such document instead of every later
    /// chunk shifting, so watch mode rewrites a few chunk files, not thousands. The blocks of
    /// `search-index.json` start the same way, at documents' URLs and at terms.
    static let boundaryEvery: UInt64 = 32

    /// Whether a chunk or block starts at the document with this URL, or at this term.
    static func isChunkBoundary(_ key: String) -> Bool {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for b in key.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        return hash % boundaryEvery == 0
    }

    static func shardCount(_ terms: [TermPieces]) -> Int {
        let estimate = terms.reduce(0) { $0 + $1.estimate }
        return max(1, min(4096, (estimate + targetShardBytes - 1) / targetShardBytes))
    }

    /// What closes every tail file's JSON, the stream's final block.
    static let tailEnd = Deflate.part(Array("}".utf8), level: tailLevel, last: true)

    /// Shard `i` and its tail file (nil when no term in it has a tail) from its terms, in order.
    /// The shard is plain (every query loads shards first); the tail, loaded only for common
    /// words, is compressed in parts (`TailParts`), each taken from `earlier` when unchanged
    /// (watch: an edit changes the tails of a hundred common words in a few places each).
    /// `parts`: this file's, by term, when `earlier` was given.
    static func shardFiles(_ i: Int, _ terms: [TermPieces], reusing earlier: [String: TailParts]?)
        -> (shard: OutputFile, tail: OutputFile?, parts: [String: TailParts]) {
        var shard = JSONWriter(forScript: true, capacity: terms.reduce(64) { $0 + $1.head.count + 1 })
        shard.raw("PortalSearchData.terms("); shard.int(i); shard.raw(", {")
        var pieces: [Deflate.Part] = []
        var parts: [String: TailParts] = [:]
        for (n, t) in terms.enumerated() {
            if n > 0 { shard.comma() }
            shard.append(t.head)
            if !t.tail.isEmpty {
                let made = TailParts.make(t.tail, first: pieces.isEmpty, level: tailLevel, earlier: earlier?[t.term])
                pieces += made.parts.map(\.deflated)
                if earlier != nil { parts[t.term] = made }
            }
        }
        shard.raw("});\n")
        let tail = pieces.isEmpty ? nil : OutputFile(path: SitePath("\(folder)/tails-\(i).js"),
                                                     bytes: script("tails", i, Deflate.stream(pieces + [tailEnd], level: tailLevel)))
        return (OutputFile(path: SitePath("\(folder)/terms-\(i).js"), bytes: shard.bytes), tail, parts)
    }

    /// `PortalSearchData.<callee>(i, "<base64 of json deflated>");`: search.js inflates the
    /// string and parses the JSON. Base64 holds no quote, backslash or `<`, so the script is
    /// safe whatever the JSON says.
    static func compressedScript(_ callee: String, _ i: Int, _ json: [UInt8], level: Int32) -> [UInt8] {
        script(callee, i, Deflate.compress(json, level: level))
    }

    /// The script carrying a zlib stream.
    static func script(_ callee: String, _ i: Int, _ deflated: [UInt8]) -> [UInt8] {
        let payload = Array(Data(deflated).base64EncodedData())
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + 48)
        out += Array("PortalSearchData.\(callee)(\(i), \"".utf8)
        out += payload
        out += Array("\");\n".utf8)
        return out
    }

    /// Where each chunk of documents starts: a new chunk when the current one would pass the
    /// target size, or at a document whose URL marks a boundary.
    static func chunkStarts(_ documents: [DocumentPieces]) -> [Int] {
        var starts: [Int] = []
        var size = 0
        for (i, d) in documents.enumerated() {
            // The chunk's JSON so far (its rows with their commas), before compression.
            if starts.isEmpty || d.boundary || size + d.row.count > targetChunkBytes {
                starts.append(i)
                size = 2 + d.row.count
            } else {
                size += 1 + d.row.count
            }
        }
        return starts
    }

    /// Chunk `k`: its documents' rows as one JSON array, compressed.
    static func chunkFile(_ k: Int, _ rows: ArraySlice<DocumentPieces>) -> OutputFile {
        var chunk = JSONWriter(forScript: true, capacity: rows.reduce(64) { $0 + $1.row.count + 1 })
        chunk.raw("[")
        for (n, d) in rows.enumerated() {
            if n > 0 { chunk.comma() }
            chunk.append(d.row)
        }
        chunk.raw("]")
        return OutputFile(path: SitePath("\(folder)/docs-\(k).js"), bytes: compressedScript("docs", k, chunk.bytes, level: chunkLevel))
    }

    /// Runs of documents of one kind and category: `[first id, kind, category, category label]`.
    /// Services come sorted by category, so a handful of runs tell the page every document's kind
    /// and every service's category without loading a document.
    static func runs(_ documents: [DocumentPieces]) -> [(start: Int, kind: String, category: String, label: String)] {
        var out: [(start: Int, kind: SearchDocument.Kind, category: String, label: String)] = []
        // By index, field by field: a copy of each document's pieces would retain all of them
        // (watch writes meta.js at every rebuild).
        for i in documents.indices {
            if let last = out.last, last.kind == documents[i].kind, last.category == documents[i].category { continue }
            out.append((i, documents[i].kind, documents[i].category, documents[i].categoryLabel))
        }
        return out.map { ($0.start, $0.kind.rawValue, $0.category, $0.label) }
    }

    /// One bit per document, set where a new page starts (a page's documents are consecutive),
    /// six to a character of the base64url alphabet, lowest bit first: results are grouped by
    /// page before any document is loaded, for about one byte per six documents.
    static func pageStarts(_ documents: [DocumentPieces]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(documents.count / 6 + 1)
        var value = 0
        for i in documents.indices {
            if i == 0 || documents[i].page != documents[i - 1].page { value |= 1 << (i % 6) }
            if i % 6 == 5 || i == documents.count - 1 {
                out.append(alphabet[value])
                value = 0
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func metaFile(chunkStarts: [Int], documents: [DocumentPieces], shardCount: Int) -> OutputFile {
        var meta = JSONWriter(forScript: true)
        meta.raw("PortalSearchData.meta({")
        // Where each chunk starts, as base-36 gaps from the previous start ("0,7,8,…"): a
        // third of the decimal list's bytes, and meta.js is loaded by every query.
        var gaps = JSONWriter(capacity: chunkStarts.count * 3)
        var previous = 0
        for (i, c) in chunkStarts.enumerated() {
            if i > 0 { gaps.raw(",") }
            gaps.int(c - previous, radix: 36)
            previous = c
        }
        meta.key("chunks"); meta.string(String(decoding: gaps.bytes, as: UTF8.self)); meta.comma()
        meta.key("documents"); meta.int(documents.count); meta.comma()
        meta.key("labels"); meta.raw("{")
        for (i, kind) in SearchDocument.Kind.allCases.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
            if i > 0 { meta.comma() }
            meta.key(kind.rawValue); meta.string(kind.label)
        }
        meta.raw("},")
        meta.key("pages"); meta.string(pageStarts(documents)); meta.comma()
        // The registry's page: its result and the registry result are one.
        meta.key("registry"); meta.int(documents.firstIndex { $0.page == RegistryPages.indexPath.string } ?? -1); meta.comma()
        meta.key("runs"); meta.raw("[")
        for (i, r) in runs(documents).enumerated() {
            if i > 0 { meta.comma() }
            meta.raw("["); meta.int(r.start); meta.comma(); meta.string(r.kind); meta.comma(); meta.string(r.category); meta.comma(); meta.string(r.label); meta.raw("]")
        }
        meta.raw("],")
        meta.key("shards"); meta.int(shardCount); meta.comma()
        meta.key("version"); meta.int(SearchIndex.version)
        meta.raw("});\n")
        return OutputFile(path: SitePath("\(folder)/meta.js"), bytes: meta.bytes)
    }
}

/// The index files as last assembled, so the next assembly rebuilds only the shards and
/// chunks that hold something changed and hands back the very same files for the rest.
struct ScriptParts: Sendable {
    private var shardCount = 0
    private var shards: [OutputFile] = []
    private var tails: [OutputFile?] = []
    /// Each shard's tail parts by term, kept when the index is to be assembled again (watch).
    private var tailParts: [[String: TailParts]] = []
    private var chunkStarts: [Int] = []
    private var chunks: [OutputFile] = []
    private var json: OutputFile?
    private var jsonBlocks = IndexJSONBlocks()

    /// `changedTerms`/`changedDocuments`: what changed since the last assembly (nil: everything).
    /// `again`: there will be a next assembly, so the compressed tail parts are kept for it.
    mutating func assemble(averageLength: Double, documents: [SearchIndexFiles.DocumentPieces], terms: [SearchIndexFiles.TermPieces],
                           changedTerms: Set<String>?, changedDocuments: Set<Int>?, json contents: JSONIndexContents = .full,
                           again: Bool = true) async -> [OutputFile] {
        let nothingChanged = changedTerms?.isEmpty == true && changedDocuments?.isEmpty == true
        // search-index.json holds everything, in blocks of documents and of terms.
        if !nothingChanged || json == nil {
            // The postings are the page's (its shards below); the JSON has them only when full.
            let full = contents == .full
            json = OutputFile(path: SearchIndexFiles.jsonPath, pieces: await jsonBlocks.pieces(
                averageLength: averageLength, documents: documents, terms: full ? terms : [],
                changedTerms: full ? changedTerms : changedTerms.map { _ in [] }, changedDocuments: changedDocuments, contents: contents))
        }
        let count = SearchIndexFiles.shardCount(terms)
        var members = Array(repeating: [SearchIndexFiles.TermPieces](), count: count)
        var dirty = Array(repeating: count != shardCount || changedTerms == nil, count: count)
        for t in terms {
            let s = SearchIndexFiles.shard(of: t.term, count: count)
            members[s].append(t)
        }
        if let changedTerms, count == shardCount {
            for term in changedTerms { dirty[SearchIndexFiles.shard(of: term, count: count)] = true }
        }
        if count != shardCount {
            shards = []
            tails = []
            tailParts = []
        }
        // Shards with a change are joined again, on every core (a common word's tail is megabytes).
        let rebuild = (0..<count).filter { dirty[$0] || $0 >= shards.count }
        // Each shard's tail parts from the last assembly (none yet: empty), when there will be another.
        var newParts: [[String: TailParts]]? = again ? (tailParts.count == count ? tailParts : Array(repeating: [:], count: count)) : nil
        let rebuilt = await parallelMap(rebuild) { [members, newParts] i in
            SearchIndexFiles.shardFiles(i, members[i], reusing: newParts?[i])
        }
        var newShards = shards.count == count ? shards : Array(repeating: OutputFile(path: SitePath("-"), bytes: []), count: count)
        var newTails = tails.count == count ? tails : Array(repeating: nil, count: count)
        for (i, made) in zip(rebuild, rebuilt) {
            newShards[i] = made.shard
            newTails[i] = made.tail
            newParts?[i] = made.parts
        }

        let starts = SearchIndexFiles.chunkStarts(documents)
        var newChunks: [OutputFile?] = []
        newChunks.reserveCapacity(starts.count)
        var remake: [(k: Int, range: Range<Int>)] = []
        let changedSorted = (changedDocuments ?? []).sorted()
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : documents.count
            let sameBounds = changedDocuments != nil && k < chunks.count && k < chunkStarts.count && chunkStarts[k] == start
                && (k + 1 < chunkStarts.count ? chunkStarts[k + 1] : Int.max) == (k + 1 < starts.count ? starts[k + 1] : Int.max)
            // A changed document inside [start, end)?
            let low = changedSorted.partitionPoint { $0 < start }
            let touched = low < changedSorted.count && changedSorted[low] < end
            if sameBounds && !touched {
                newChunks.append(chunks[k])
            } else {
                newChunks.append(nil)
                remake.append((k, start..<end))
            }
        }
        // Chunks with a change are compressed again, on every core.
        let remade = await parallelMap(remake) { SearchIndexFiles.chunkFile($0.k, documents[$0.range]) }
        for (r, file) in zip(remake, remade) { newChunks[r.k] = file }

        shardCount = count
        shards = newShards
        tails = newTails
        tailParts = newParts ?? []
        chunkStarts = starts
        chunks = newChunks.map { $0! }
        var files: [OutputFile] = [json!]
        files += shards
        files += tails.compactMap { $0 }
        files += chunks
        files.append(SearchIndexFiles.metaFile(chunkStarts: starts, documents: documents, shardCount: count))
        return files
    }
}
