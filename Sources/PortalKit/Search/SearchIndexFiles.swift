import Foundation

/// Writes the index twice: `search-index.json` for other tools (documented in the README), and
/// classic scripts for the page, split so that a query loads only what it needs: term shards
/// (a term lives in the shard of its first character, so a prefix is always in one shard) and
/// document chunks (loaded for the results shown).
enum SearchIndexFiles {
    static let jsonPath = SitePath("search-index.json")
    static let folder = "search"
    /// Aim for shards and chunks of about this size; a query touches a few of each.
    static let targetShardBytes = 120_000
    static let targetChunkBytes = 24_000

    struct JSONDocument: Encodable {
        var id: Int
        var type: String
        var title: String
        var breadcrumb: [String]
        var url: String
        var text: String
        var category: String?
    }

    struct JSONIndex: Encodable {
        var version: Int
        var rule: String
        var bm25: [String: Double]
        var field_weights: [String: Int]
        var average_length: Double
        var documents: [JSONDocument]
        var terms: [String: [[Int]]]
    }

    static func json(_ index: SearchIndex) -> String {
        let value = JSONIndex(
            version: SearchIndex.version,
            rule: "NFKC, lower case; Latin letter/digit runs are words; Japanese runs give each character with the next one (bigram), the last character alone; query tokens match terms starting with them; all tokens must match",
            bm25: ["k1": SearchIndex.k1, "b": SearchIndex.b],
            field_weights: ["title": SearchIndex.titleWeight, "breadcrumb": SearchIndex.breadcrumbWeight, "text": SearchIndex.textWeight],
            average_length: index.averageLength,
            documents: index.documents.enumerated().map { i, d in
                JSONDocument(id: i, type: d.kind.rawValue, title: d.title, breadcrumb: d.breadcrumb, url: d.url, text: d.text, category: d.category)
            },
            terms: Dictionary(uniqueKeysWithValues: index.terms.map { ($0.term, $0.postings.map { [$0.document, $0.weight] }) })
        )
        return ScriptJSON.encode(value) + "\n"
    }

    /// Postings as one compact string: document ids as base-36 gaps, then the weight, e.g. "0:2s,3:1z".
    static func encodePostings(_ postings: [SearchIndex.Posting]) -> String {
        var out = ""
        var previous = 0
        for (i, p) in postings.enumerated() {
            if i > 0 { out += "," }
            out += String(p.document - previous, radix: 36) + ":" + String(p.weight, radix: 36)
            previous = p.document
        }
        return out
    }

    static func shard(of term: String, count: Int) -> Int {
        Int(term.unicodeScalars.first!.value) % count
    }

    static func files(_ index: SearchIndex) -> [OutputFile] {
        var files: [OutputFile] = [OutputFile(path: jsonPath, text: json(index))]

        let encoded = index.terms.map { ($0.term, encodePostings($0.postings)) }
        let totalBytes = encoded.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 6 }
        let shardCount = max(1, min(512, (totalBytes + targetShardBytes - 1) / targetShardBytes))
        var shards = Array(repeating: [(String, String)](), count: shardCount)
        for (term, postings) in encoded { shards[shard(of: term, count: shardCount)].append((term, postings)) }
        for (i, shard) in shards.enumerated() {
            let body = "{" + shard.map { "\(ScriptJSON.encode($0.0)):\(ScriptJSON.encode($0.1))" }.joined(separator: ",") + "}"
            files.append(OutputFile(path: SitePath("\(folder)/terms-\(i).js"), text: "PortalSearchData.terms(\(i), \(ScriptJSON.forScript(body)));\n"))
        }

        var chunkStarts: [Int] = []
        var chunk: [String] = []
        var chunkBytes = 0
        func flush() {
            guard !chunk.isEmpty else { return }
            let i = chunkStarts.count - 1
            files.append(OutputFile(path: SitePath("\(folder)/docs-\(i).js"),
                                    text: "PortalSearchData.docs(\(i), \(ScriptJSON.forScript("[" + chunk.joined(separator: ",") + "]")));\n"))
            chunk = []
            chunkBytes = 0
        }
        for (i, d) in index.documents.enumerated() {
            let row = ScriptJSON.encode([d.kind.rawValue, d.title, d.breadcrumb.joined(separator: " › "), d.url, d.text, d.category ?? ""])
            if chunk.isEmpty || chunkBytes + row.utf8.count > targetChunkBytes {
                flush()
                chunkStarts.append(i)
            }
            chunk.append(row)
            chunkBytes += row.utf8.count
        }
        flush()

        struct Meta: Encodable {
            var version: Int
            var documents: Int
            var shards: Int
            var chunks: [Int]
            var labels: [String: String]
        }
        let meta = Meta(version: SearchIndex.version, documents: index.documents.count, shards: shardCount, chunks: chunkStarts,
                        labels: Dictionary(uniqueKeysWithValues: SearchDocument.Kind.allCases.map { ($0.rawValue, $0.label) }))
        files.append(OutputFile(path: SitePath("\(folder)/meta.js"), text: "PortalSearchData.meta(\(ScriptJSON.forScript(ScriptJSON.encode(meta))));\n"))
        return files
    }
}
