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
    static let targetChunkBytes = 6_000
    /// A term's best postings (by weight) go in its shard; the rest in a tail file loaded only
    /// when the heads do not give enough results. Common terms would otherwise make every query
    /// load hundreds of kilobytes.
    static let headPostings = 300

    static let rule = "NFKC, lower case; Latin letter/digit runs are words; Japanese runs give each character with the next one (bigram), the last character alone; query tokens match terms starting with them; all tokens must match"

    /// One document, encoded once for both outputs.
    struct DocumentPieces: Sendable {
        /// Its object in `search-index.json`.
        var json: [UInt8]
        /// Its row in a `docs-N.js` chunk.
        var row: [UInt8]
        /// Where a chunk may start (see `startsChunk`), from the document's URL only.
        var boundary: Bool

        init(_ d: SearchDocument, id: Int) {
            var w = JSONWriter(capacity: d.text.utf8.count + 256)
            w.raw("{")
            w.key("breadcrumb"); w.stringArray(d.breadcrumb); w.comma()
            w.key("category"); w.string(d.category); w.comma()
            w.key("id"); w.int(id); w.comma()
            w.key("text"); w.string(d.text); w.comma()
            w.key("title"); w.string(d.title); w.comma()
            w.key("type"); w.string(d.kind.rawValue); w.comma()
            w.key("url"); w.string(d.url)
            w.raw("}")
            json = w.bytes
            var r = JSONWriter(forScript: true, capacity: d.text.utf8.count + 256)
            r.stringArray([d.kind.rawValue, d.title, d.breadcrumb.joined(separator: " › "), d.url, d.text, d.category ?? ""])
            row = r.bytes
            boundary = SearchIndexFiles.isChunkBoundary(d.url)
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

        init(_ term: String, _ postings: [SearchIndex.Posting]) {
            self.term = term
            var j = JSONWriter(capacity: postings.count * 6 + 16)
            j.key(term); j.raw("\"")
            encodePostings(postings, into: &j)
            j.raw("\"")
            json = j.bytes
            let (headPostings, tailPostings) = split(postings)
            // "df|postings": the document frequency keeps idf exact when only the head is loaded.
            var h = JSONWriter(forScript: true, capacity: headPostings.count * 6 + 16)
            h.key(term); h.raw("\""); h.int(postings.count); h.raw("|")
            encodePostings(headPostings, into: &h)
            h.raw("\"")
            head = h.bytes
            if tailPostings.isEmpty {
                tail = []
            } else {
                var t = JSONWriter(forScript: true, capacity: tailPostings.count * 6 + 16)
                t.key(term); t.raw("\"")
                encodePostings(tailPostings, into: &t)
                t.raw("\"")
                tail = t.bytes
            }
            estimate = term.utf8.count + 8 + min(postings.count, SearchIndexFiles.headPostings) * 5
        }
    }

    /// The files of an index (tests and one-off use; builds go through `SearchIndexState`).
    static func files(_ index: SearchIndex) async -> [OutputFile] {
        let documents = index.documents.enumerated().map { DocumentPieces($1, id: $0) }
        let terms = index.terms.map { TermPieces($0.term, $0.postings) }
        return await assemble(averageLength: index.averageLength, documents: documents, terms: terms)
    }

    /// Every index file from the encoded pieces (terms in their UTF-8 order). `search-index.json`
    /// and the page's scripts are independent: written on two cores.
    static func assemble(averageLength: Double, documents: [DocumentPieces], terms: [TermPieces]) async -> [OutputFile] {
        async let json = OutputFile(path: jsonPath, bytes: json(averageLength: averageLength, documents: documents, terms: terms))
        let scripts = pageScripts(documents: documents, terms: terms)
        return await [json] + scripts
    }

    /// `search-index.json`, keys in sorted order (see the README for the schema).
    static func json(averageLength: Double, documents: [DocumentPieces], terms: [TermPieces]) -> [UInt8] {
        var w = JSONWriter(capacity: documents.reduce(0) { $0 + $1.json.count + 1 } + terms.reduce(0) { $0 + $1.json.count + 1 } + 1024)
        w.raw("{")
        w.key("average_length"); w.double(averageLength); w.comma()
        w.key("bm25"); w.raw("{"); w.key("b"); w.double(SearchIndex.b); w.comma(); w.key("k1"); w.double(SearchIndex.k1); w.raw("}"); w.comma()
        w.key("documents"); w.raw("[")
        for (i, d) in documents.enumerated() {
            if i > 0 { w.comma() }
            w.append(d.json)
        }
        w.raw("]"); w.comma()
        w.key("field_weights"); w.raw("{")
        w.key("breadcrumb"); w.int(SearchIndex.breadcrumbWeight); w.comma()
        w.key("text"); w.int(SearchIndex.textWeight); w.comma()
        w.key("title"); w.int(SearchIndex.titleWeight); w.raw("}"); w.comma()
        w.key("rule"); w.string(rule); w.comma()
        w.key("terms"); w.raw("{")
        for (i, t) in terms.enumerated() {
            if i > 0 { w.comma() }
            w.append(t.json)
        }
        w.raw("}"); w.comma()
        w.key("version"); w.int(SearchIndex.version)
        w.raw("}\n")
        return w.bytes
    }

    /// Postings as one compact string: document ids as base-36 gaps, then the weight, e.g. "0:2s,3:1z".
    static func encodePostings(_ postings: [SearchIndex.Posting]) -> String {
        var w = JSONWriter(capacity: postings.count * 6)
        encodePostings(postings, into: &w)
        return w.text
    }

    /// Written straight into a script's buffer (inside a JSON string: only digits, letters, `:` and `,`).
    static func encodePostings(_ postings: [SearchIndex.Posting], into w: inout JSONWriter) {
        var previous = 0
        for (i, p) in postings.enumerated() {
            if i > 0 { w.comma() }
            w.int(p.document - previous, radix: 36)
            w.raw(":")
            w.int(p.weight, radix: 36)
            previous = p.document
        }
    }

    /// The `headPostings` heaviest postings, and the rest; both in document order. Ties at the
    /// cut go to the lower document ids. Only the weights are sorted (plain integers), never
    /// the postings.
    static func split(_ postings: [SearchIndex.Posting]) -> (head: [SearchIndex.Posting], tail: [SearchIndex.Posting]) {
        guard postings.count > headPostings else { return (postings, []) }
        let cut = nthLargestWeight(postings, headPostings)
        var tiesAllowed = headPostings - postings.lazy.filter { $0.weight > cut }.count
        var head: [SearchIndex.Posting] = [], tail: [SearchIndex.Posting] = []
        head.reserveCapacity(headPostings)
        tail.reserveCapacity(postings.count - headPostings)
        for p in postings {
            if p.weight > cut || (p.weight == cut && tiesAllowed > 0) {
                if p.weight == cut { tiesAllowed -= 1 }
                head.append(p)
            } else {
                tail.append(p)
            }
        }
        return (head, tail)
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
    /// chunk shifting, so watch mode rewrites a few chunk files, not thousands.
    static let boundaryEvery: UInt64 = 32

    static func isChunkBoundary(_ url: String) -> Bool {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for b in url.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        return hash % boundaryEvery == 0
    }

    static func pageScripts(documents: [DocumentPieces], terms: [TermPieces]) -> [OutputFile] {
        var files: [OutputFile] = []

        let estimate = terms.reduce(0) { $0 + $1.estimate }
        let shardCount = max(1, min(4096, (estimate + targetShardBytes - 1) / targetShardBytes))
        var shards = Array(repeating: JSONWriter(forScript: true, capacity: estimate / shardCount + 64), count: shardCount)
        var tails = Array(repeating: JSONWriter(forScript: true, capacity: 0), count: shardCount)
        var counts = Array(repeating: 0, count: shardCount)
        var tailCounts = Array(repeating: 0, count: shardCount)
        for i in 0..<shardCount {
            shards[i].raw("PortalSearchData.terms(")
            shards[i].int(i)
            shards[i].raw(", {")
            tails[i].raw("PortalSearchData.tails(")
            tails[i].int(i)
            tails[i].raw(", {")
        }
        for t in terms {
            let s = shard(of: t.term, count: shardCount)
            if counts[s] > 0 { shards[s].comma() }
            counts[s] += 1
            shards[s].append(t.head)
            if !t.tail.isEmpty {
                if tailCounts[s] > 0 { tails[s].comma() }
                tailCounts[s] += 1
                tails[s].append(t.tail)
            }
        }
        for i in 0..<shardCount {
            shards[i].raw("});\n")
            files.append(OutputFile(path: SitePath("\(folder)/terms-\(i).js"), bytes: shards[i].bytes))
            if tailCounts[i] > 0 {
                tails[i].raw("});\n")
                files.append(OutputFile(path: SitePath("\(folder)/tails-\(i).js"), bytes: tails[i].bytes))
            }
        }

        var chunkStarts: [Int] = []
        var chunk = JSONWriter(forScript: true)
        var rows = 0
        func flush() {
            guard rows > 0 else { return }
            chunk.raw("]);\n")
            files.append(OutputFile(path: SitePath("\(folder)/docs-\(chunkStarts.count - 1).js"), bytes: chunk.bytes))
            chunk = JSONWriter(forScript: true)
            rows = 0
        }
        for (i, d) in documents.enumerated() {
            if rows == 0 || d.boundary || chunk.bytes.count + d.row.count > targetChunkBytes {
                flush()
                chunkStarts.append(i)
                chunk.raw("PortalSearchData.docs(")
                chunk.int(chunkStarts.count - 1)
                chunk.raw(", [")
            } else {
                chunk.comma()
            }
            chunk.append(d.row)
            rows += 1
        }
        flush()

        var meta = JSONWriter(forScript: true)
        meta.raw("PortalSearchData.meta({")
        meta.key("chunks"); meta.raw("["); for (i, c) in chunkStarts.enumerated() { if i > 0 { meta.comma() }; meta.int(c) }; meta.raw("],")
        meta.key("documents"); meta.int(documents.count); meta.comma()
        meta.key("labels"); meta.raw("{")
        for (i, kind) in SearchDocument.Kind.allCases.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
            if i > 0 { meta.comma() }
            meta.key(kind.rawValue); meta.string(kind.label)
        }
        meta.raw("},")
        meta.key("shards"); meta.int(shardCount); meta.comma()
        meta.key("version"); meta.int(SearchIndex.version)
        meta.raw("});\n")
        files.append(OutputFile(path: SitePath("\(folder)/meta.js"), bytes: meta.bytes))
        return files
    }
}
