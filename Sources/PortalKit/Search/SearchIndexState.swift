/// The search index with everything needed to change it cheaply: each document's term counts,
/// each term's postings, and every document and term already encoded for the output files.
/// A full build and a patched one give the same files byte for byte: the files are always
/// assembled from the same encoded pieces, and a patch is refused (falling back to a full build)
/// whenever it could differ: documents added, removed or moved, or the average length changed.
struct SearchIndexState: Sendable {
    private(set) var documents: [SearchDocument]
    private var frequencies: [TermFrequencies]
    private var lengths: [Int]
    private var totalLength: Int
    private(set) var average: Double
    private var postings: [TermKey: [SearchIndex.Posting]]
    private var terms: [TermKey: SearchIndexFiles.TermPieces]
    /// Keys in the order of the terms' UTF-8 bytes.
    private var order: [TermKey]
    private var documentPieces: [SearchIndexFiles.DocumentPieces]

    /// For queries (the same ranking the browser runs) and tests.
    var index: SearchIndex {
        SearchIndex(documents: documents, terms: order.map { (term: $0.text, postings: postings[$0]!) },
                    averageLength: average)
    }

    static func build(_ documents: [SearchDocument]) async -> SearchIndexState {
        let frequencies = await parallelMap(documents, SearchIndex.frequencies)
        let lengths = frequencies.map(\.length)
        let total = lengths.reduce(0, +)
        let average = SearchIndex.averageLength(total: total, count: documents.count)
        let boosts = documents.map(\.kind.boost)
        let parts = max(ProcessInfoCores.count, 1)
        // Terms split into disjoint parts, each collected (postings in document order) and
        // encoded on its own core.
        let partial = await parallelMap(Array(0..<parts)) { part -> [(TermKey, [SearchIndex.Posting], SearchIndexFiles.TermPieces)] in
            var slots = TermTable(capacity: 1 << 12)
            var keys: [TermKey] = []
            var lists: [[SearchIndex.Posting]] = []
            for (doc, tf) in frequencies.enumerated() {
                let length = lengths[doc], boost = boosts[doc]
                for (term, f) in zip(tf.terms, tf.counts) where term.part(of: parts) == part {
                    let slot = slots.value(term) {
                        keys.append(term)
                        lists.append([])
                        return lists.count - 1
                    }
                    lists[slot].append(SearchIndex.Posting(document: doc, weight: SearchIndex.weight(frequency: f, length: length, average: average, boost: boost)))
                }
            }
            return zip(keys, lists).map { ($0, $1, SearchIndexFiles.TermPieces($0.text, $1)) }
        }
        var postings: [TermKey: [SearchIndex.Posting]] = [:]
        var terms: [TermKey: SearchIndexFiles.TermPieces] = [:]
        postings.reserveCapacity(partial.reduce(0) { $0 + $1.count })
        terms.reserveCapacity(postings.capacity)
        for part in partial {
            for (key, list, pieces) in part {
                postings[key] = list
                terms[key] = pieces
            }
        }
        let documentPieces = await parallelMap(Array(documents.enumerated())) { SearchIndexFiles.DocumentPieces($1, id: $0) }
        return SearchIndexState(documents: documents, frequencies: frequencies, lengths: lengths, totalLength: total, average: average,
                                postings: postings, terms: terms, order: sortedKeys(terms), documentPieces: documentPieces)
    }

    /// Sorted by UTF-8 bytes (code point order): deterministic, and far cheaper than String's
    /// Unicode-aware comparison.
    private static func sortedKeys(_ terms: [TermKey: SearchIndexFiles.TermPieces]) -> [TermKey] {
        terms.map { ($0.key, $0.value.term) }.sorted { $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) }.map(\.0)
    }

    /// The index of `documents`, patched from this one when only some documents' contents
    /// changed; otherwise built afresh.
    func updated(_ next: [SearchDocument]) async -> SearchIndexState {
        guard next.count == documents.count else { return await Self.build(next) }
        var changed: [Int] = []
        for i in next.indices where next[i] != documents[i] {
            guard next[i].url == documents[i].url, next[i].kind == documents[i].kind else { return await Self.build(next) }
            changed.append(i)
        }
        if changed.isEmpty { return self }
        let counted = changed.map { SearchIndex.frequencies(next[$0]) }
        var state = self
        for (doc, tf) in zip(changed, counted) {
            state.totalLength += tf.length - state.lengths[doc]
            state.lengths[doc] = tf.length
        }
        state.average = SearchIndex.averageLength(total: state.totalLength, count: next.count)
        guard state.average == average else { return await Self.build(next) }

        var touched = Set<TermKey>()
        for (doc, tf) in zip(changed, counted) {
            for term in state.frequencies[doc].terms {
                state.postings[term]?.removeDocument(doc)
                touched.insert(term)
            }
            let length = state.lengths[doc], boost = next[doc].kind.boost
            for (term, f) in zip(tf.terms, tf.counts) {
                let posting = SearchIndex.Posting(document: doc, weight: SearchIndex.weight(frequency: f, length: length, average: state.average, boost: boost))
                state.postings[term, default: []].insertDocument(posting)
                touched.insert(term)
            }
            state.frequencies[doc] = tf
            state.documents[doc] = next[doc]
            state.documentPieces[doc] = SearchIndexFiles.DocumentPieces(next[doc], id: doc)
        }
        var termsAddedOrRemoved = false
        for term in touched {
            if let list = state.postings[term], !list.isEmpty {
                if state.terms[term] == nil { termsAddedOrRemoved = true }
                state.terms[term] = SearchIndexFiles.TermPieces(term.text, list)
            } else {
                state.postings[term] = nil
                state.terms[term] = nil
                termsAddedOrRemoved = true
            }
        }
        if termsAddedOrRemoved { state.order = Self.sortedKeys(state.terms) }
        return state
    }

    func files() async -> [OutputFile] {
        let terms = order.map { self.terms[$0]! }
        return await SearchIndexFiles.assemble(averageLength: average, documents: documentPieces, terms: terms)
    }
}

private extension Array where Element == SearchIndex.Posting {
    /// First position whose document is not below `doc` (the list is in document order).
    func position(of doc: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].document < doc { low = mid + 1 } else { high = mid }
        }
        return low
    }

    mutating func removeDocument(_ doc: Int) {
        let i = position(of: doc)
        if i < count, self[i].document == doc { remove(at: i) }
    }

    mutating func insertDocument(_ posting: SearchIndex.Posting) {
        let i = position(of: posting.document)
        if i < count, self[i].document == posting.document { self[i] = posting } else { insert(posting, at: i) }
    }
}
