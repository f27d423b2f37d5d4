import Foundation

/// The inverted index: for each term, the documents holding it with a precomputed BM25 weight.
/// Built by a pure function of the documents; `query` is the same ranking the browser runs.
public struct SearchIndex: Sendable, Equatable {
    /// 3: kana variants folded, every page a document (type `page`), `page_title` on each.
    /// 2: postings in `search-index.json` as base-36 gap strings, as in the page's scripts.
    public static let version = 3
    /// BM25 parameters and field weights: a word in a title counts three times, in the
    /// breadcrumb (page title, headings above) twice, in the text once.
    public static let k1 = 1.2
    public static let b = 0.75
    public static let titleWeight = 3
    public static let breadcrumbWeight = 2
    public static let textWeight = 1

    /// Stored as two 32-bit integers: a 10,000-page site has millions of postings, and half the
    /// bytes is a hundred megabytes less while the index is built.
    public struct Posting: Sendable, Equatable {
        private var storedDocument: Int32
        private var storedWeight: Int32

        public init(document: Int, weight: Int) {
            storedDocument = Int32(clamping: document)
            storedWeight = Int32(clamping: weight)
        }

        public var document: Int {
            get { Int(storedDocument) }
            set { storedDocument = Int32(clamping: newValue) }
        }

        /// BM25 term-frequency part, length-normalised, times the document kind's boost, ×100 and rounded (keeps the files small
        /// and the output byte-identical across machines).
        public var weight: Int {
            get { Int(storedWeight) }
            set { storedWeight = Int32(clamping: newValue) }
        }
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
    static func frequencies(_ doc: SearchDocument) -> TermFrequencies {
        var out = TermFrequencies()
        countTerms(doc) { count in
            out.terms.reserveCapacity(count)
            out.counts.reserveCapacity(count)
        } each: { term, count in
            out.terms.append(term)
            out.counts.append(count)
        }
        return out
    }

    /// A document's weighted term counts, handed to `each` in no particular order (after
    /// `distinct` is told how many there are); returns the document's length (their sum). The
    /// index's collector reads them straight from the table, without a list made of them first.
    @discardableResult
    static func countTerms(_ doc: SearchDocument, distinct: (Int) -> Void = { _ in }, each: (TermKey, Int) -> Void) -> Int {
        // Japanese text has about one distinct term per five bytes (a bigram per three-byte
        // character, many repeated): room for one per four, so the table rarely grows.
        var tf = TermTable(capacity: doc.text.utf8.count / 4)
        SearchTokenizer.forEachToken(utf8: SearchText.foldedUTF8(doc.title)) { tf.add($0, titleWeight) }
        SearchTokenizer.forEachToken(utf8: SearchText.foldedUTF8(doc.breadcrumb.joined(separator: " "))) { tf.add($0, breadcrumbWeight) }
        SearchTokenizer.forEachToken(utf8: SearchText.foldedUTF8(doc.text)) { tf.add($0, textWeight) }
        distinct(tf.count)
        var length = 0
        tf.forEach { term, count in
            length += count
            each(term, count)
        }
        return length
    }

    /// The average document length BM25 normalises by, in whole tokens: rounded, so that editing
    /// one page among thousands leaves it (and so every other document's weights) unchanged,
    /// which is what lets watch mode patch the index instead of rebuilding it.
    static func averageLength(total: Int, count: Int) -> Double {
        count == 0 ? 1 : max((Double(total) / Double(count)).rounded(), 1)
    }

    /// A document's length as BM25 sees it: exact below 16 tokens, above that kept to four
    /// significant bits (steps of at most 1/8), as Lucene keeps its norms in a byte. Ranking does
    /// not notice; but a small edit then rarely changes the length BM25 sees, so it changes only
    /// the postings of the words edited, not every posting of the page, and watch mode patches
    /// a handful of terms.
    static func quantizedLength(_ length: Int) -> Int {
        guard length >= 16 else { return max(length, 0) }
        let shift = Int.bitWidth - length.leadingZeroBitCount - 4
        return (length >> shift) << shift
    }

    /// A posting's weight: BM25's term-frequency part for this document, times its kind's boost, ×100.
    @inline(__always)
    static func weight(frequency f: Int, length: Int, average: Double, boost: Double) -> Int {
        let norm = k1 * (1 - b + b * Double(quantizedLength(length)) / average)
        let w = boost * Double(f) * (k1 + 1) / (Double(f) + norm)
        return Int((w * 100).rounded())
    }

    /// The index of these documents (tokenised and collected on every core).
    public static func build(_ documents: [SearchDocument]) async -> SearchIndex {
        await SearchIndexState.build(documents).index
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

    func terms(startingWith token: String) -> ArraySlice<(term: String, postings: [Posting])> {
        // The first term >= token, then on while the prefix holds.
        let low = terms.partitionPoint { $0.term.precedesByCodePoint(token) }
        var end = low
        while end < terms.count, terms[end].term.utf8.starts(with: token.utf8) { end += 1 }
        return terms[low..<end]
    }
}
