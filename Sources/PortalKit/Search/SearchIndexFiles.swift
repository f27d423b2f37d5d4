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

    /// `search-index.json`, keys in sorted order (see the README for the schema).
    static func json(_ index: SearchIndex) -> [UInt8] {
        var w = JSONWriter(capacity: index.documents.count * 512 + index.terms.count * 32)
        w.raw("{")
        w.key("average_length"); w.double(index.averageLength); w.comma()
        w.key("bm25"); w.raw("{"); w.key("b"); w.double(SearchIndex.b); w.comma(); w.key("k1"); w.double(SearchIndex.k1); w.raw("}"); w.comma()
        w.key("documents"); w.raw("[")
        for (i, d) in index.documents.enumerated() {
            if i > 0 { w.comma() }
            w.raw("{")
            w.key("breadcrumb"); w.stringArray(d.breadcrumb); w.comma()
            w.key("category"); w.string(d.category); w.comma()
            w.key("id"); w.int(i); w.comma()
            w.key("text"); w.string(d.text); w.comma()
            w.key("title"); w.string(d.title); w.comma()
            w.key("type"); w.string(d.kind.rawValue); w.comma()
            w.key("url"); w.string(d.url)
            w.raw("}")
        }
        w.raw("]"); w.comma()
        w.key("field_weights"); w.raw("{")
        w.key("breadcrumb"); w.int(SearchIndex.breadcrumbWeight); w.comma()
        w.key("text"); w.int(SearchIndex.textWeight); w.comma()
        w.key("title"); w.int(SearchIndex.titleWeight); w.raw("}"); w.comma()
        w.key("rule"); w.string(rule); w.comma()
        w.key("terms"); w.raw("{")
        for (i, entry) in index.terms.enumerated() {
            if i > 0 { w.comma() }
            // The scripts' compact encoding: as plain [id, weight] pairs the postings were two
            // thirds of the file (120 MB at 10,000 pages).
            w.key(entry.term); w.raw("\"")
            encodePostings(entry.postings, into: &w)
            w.raw("\"")
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

    /// The JSON file and the page's scripts are independent: written on two cores.
    static func files(_ index: SearchIndex) async -> [OutputFile] {
        async let json = OutputFile(path: jsonPath, bytes: json(index))
        let scripts = pageScripts(index)
        return await [json] + scripts
    }

    static func pageScripts(_ index: SearchIndex) -> [OutputFile] {
        var files: [OutputFile] = []

        // About 5 bytes a posting once encoded: enough to choose the number of shards.
        let estimate = index.terms.reduce(0) { $0 + $1.term.utf8.count + 8 + min($1.postings.count, headPostings) * 5 }
        let shardCount = max(1, min(4096, (estimate + targetShardBytes - 1) / targetShardBytes))
        var shards = Array(repeating: JSONWriter(forScript: true), count: shardCount)
        var tails = Array(repeating: JSONWriter(forScript: true), count: shardCount)
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
        for entry in index.terms {
            let s = shard(of: entry.term, count: shardCount)
            let (head, tail) = split(entry.postings)
            if counts[s] > 0 { shards[s].comma() }
            counts[s] += 1
            shards[s].key(entry.term)
            // "df|postings": the document frequency keeps idf exact when only the head is loaded.
            shards[s].raw("\"")
            shards[s].int(entry.postings.count)
            shards[s].raw("|")
            encodePostings(head, into: &shards[s])
            shards[s].raw("\"")
            if !tail.isEmpty {
                if tailCounts[s] > 0 { tails[s].comma() }
                tailCounts[s] += 1
                tails[s].key(entry.term)
                tails[s].raw("\"")
                encodePostings(tail, into: &tails[s])
                tails[s].raw("\"")
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
        for (i, d) in index.documents.enumerated() {
            var row = JSONWriter(forScript: true, capacity: d.text.utf8.count + 256)
            row.stringArray([d.kind.rawValue, d.title, d.breadcrumb.joined(separator: " › "), d.url, d.text, d.category ?? ""])
            if rows == 0 || chunk.bytes.count + row.bytes.count > targetChunkBytes {
                flush()
                chunkStarts.append(i)
                chunk.raw("PortalSearchData.docs(")
                chunk.int(chunkStarts.count - 1)
                chunk.raw(", [")
            } else {
                chunk.comma()
            }
            chunk.append(row)
            rows += 1
        }
        flush()

        var meta = JSONWriter(forScript: true)
        meta.raw("PortalSearchData.meta({")
        meta.key("chunks"); meta.raw("["); for (i, c) in chunkStarts.enumerated() { if i > 0 { meta.comma() }; meta.int(c) }; meta.raw("],")
        meta.key("documents"); meta.int(index.documents.count); meta.comma()
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
