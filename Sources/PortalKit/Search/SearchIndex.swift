import Foundation

/// The inverted index: for each term, the documents holding it with a precomputed BM25 weight.
/// Built by a pure function of the documents; `query` is the same ranking the browser runs.
public struct SearchIndex: Sendable, Equatable {
    public static let version = 1
    /// BM25 parameters and field weights: a word in a title counts three times, in the
    /// breadcrumb (page title, headings above) twice, in the text once.
    public static let k1 = 1.2
    public static let b = 0.75
    public static let titleWeight = 3
    public static let breadcrumbWeight = 2
    public static let textWeight = 1

    public struct Posting: Sendable, Equatable {
        public var document: Int
        /// BM25 term-frequency part, length-normalised, times the document kind's boost, ×100 and rounded (keeps the files small
        /// and the output byte-identical across machines).
        public var weight: Int
    }

    public var documents: [SearchDocument]
    /// Sorted by the terms' UTF-8 bytes, so the encoded index is deterministic.
    public var terms: [(term: String, postings: [Posting])]
    public var averageLength: Double

    public static func == (a: SearchIndex, b: SearchIndex) -> Bool {
        a.documents == b.documents && a.averageLength == b.averageLength
            && a.terms.map(\.term) == b.terms.map(\.term) && a.terms.map(\.postings) == b.terms.map(\.postings)
    }

    /// Weighted term frequencies of one document.
    static func frequencies(_ doc: SearchDocument) -> [TermKey: Int] {
        var tf: [TermKey: Int] = [:]
        tf.reserveCapacity(doc.text.utf8.count / 6)
        SearchTokenizer.forEachToken(utf8: SearchText.foldedUTF8(doc.title)) { tf[$0, default: 0] += titleWeight }
        SearchTokenizer.forEachToken(utf8: SearchText.foldedUTF8(doc.breadcrumb.joined(separator: " "))) { tf[$0, default: 0] += breadcrumbWeight }
        SearchTokenizer.forEachToken(utf8: SearchText.foldedUTF8(doc.text)) { tf[$0, default: 0] += textWeight }
        return tf
    }

    /// Tokenising is the expensive part and documents are independent: it runs on every core.
    public static func build(_ documents: [SearchDocument]) async -> SearchIndex {
        assemble(documents, frequencies: await parallelMap(documents, frequencies))
    }


    private static func assemble(_ documents: [SearchDocument], frequencies: [[TermKey: Int]]) -> SearchIndex {
        let lengths = frequencies.map { $0.values.reduce(0, +) }
        let average = lengths.isEmpty ? 1 : max(Double(lengths.reduce(0, +)) / Double(lengths.count), 1)
        var postings: [TermKey: [Posting]] = [:]
        for (doc, tf) in frequencies.enumerated() {
            let norm = k1 * (1 - b + b * Double(lengths[doc]) / average)
            let boost = documents[doc].kind.boost
            for (term, f) in tf {
                let w = boost * Double(f) * (k1 + 1) / (Double(f) + norm)
                postings[term, default: []].append(Posting(document: doc, weight: Int((w * 100).rounded())))
            }
        }
        // Sorted by UTF-8 bytes (code point order): deterministic, and far cheaper than String's
        // Unicode-aware comparison.
        let terms = postings.map { (term: $0.key.text, postings: $0.value) }
            .sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
        return SearchIndex(documents: documents, terms: terms, averageLength: (average * 1000).rounded() / 1000)
    }

    /// Inverse document frequency, as in BM25 (always positive).
    static func idf(documentCount: Int, documentFrequency: Int) -> Double {
        log(1 + (Double(documentCount) - Double(documentFrequency) + 0.5) / (Double(documentFrequency) + 0.5))
    }

    /// Query tokens that add nothing: the last character of a Japanese run is implied by the
    /// bigram before it.
    static func effectiveTokens(_ query: String) -> [String] {
        let tokens = SearchTokenizer.tokens(query)
        var out: [String] = []
        for (i, t) in tokens.enumerated() {
            if i > 0, t.unicodeScalars.count == 1, SearchTokenizer.kind(t.unicodeScalars.first!) == .japanese {
                let previous = tokens[i - 1].unicodeScalars
                if previous.count == 2, previous.last == t.unicodeScalars.first { continue }
            }
            if !out.contains(t) { out.append(t) }
        }
        return out
    }

    /// Document ids, best first: every token must match (a term starting with it); scores add
    /// up; among the first 20, a document holding the query as written (spaces removed) moves up.
    public func query(_ text: String, limit: Int = 20) -> [Int] {
        let tokens = Self.effectiveTokens(text)
        guard !tokens.isEmpty else { return [] }
        var scores: [Int: Double]? = nil
        for token in tokens {
            var best: [Int: Int] = [:]
            for (term, list) in terms(startingWith: token) {
                _ = term
                for p in list where p.weight > (best[p.document] ?? -1) { best[p.document] = p.weight }
            }
            let idf = Self.idf(documentCount: documents.count, documentFrequency: best.count)
            var next: [Int: Double] = [:]
            for (doc, w) in best {
                if let previous = scores {
                    guard let s = previous[doc] else { continue }
                    next[doc] = s + idf * Double(w) / 100
                } else {
                    next[doc] = idf * Double(w) / 100
                }
            }
            scores = next
        }
        let ranked = (scores ?? [:]).sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.map(\.key)
        return Self.phraseFirst(Array(ranked.prefix(limit)), phrase: text) { documents[$0] }
    }

    /// Stable re-ranking: results that hold the whole query (folded, spaces removed) come first.
    static func phraseFirst(_ ranked: [Int], phrase: String, document: (Int) -> SearchDocument) -> [Int] {
        let needle = SearchText.fold(phrase).filter { !$0.isWhitespace }
        guard needle.count > 1 else { return ranked }
        let hit = ranked.filter { id in
            let d = document(id)
            return SearchText.fold(d.title + " " + d.text).filter { !$0.isWhitespace }.contains(needle)
        }
        return hit + ranked.filter { !hit.contains($0) }
    }

    private func terms(startingWith token: String) -> ArraySlice<(term: String, postings: [Posting])> {
        // Binary search for the first term >= token, then walk while the prefix holds.
        var low = 0, high = terms.count
        while low < high {
            let mid = (low + high) / 2
            if terms[mid].term.utf8.lexicographicallyPrecedes(token.utf8) { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < terms.count, terms[end].term.utf8.starts(with: token.utf8) { end += 1 }
        return terms[low..<end]
    }
}
