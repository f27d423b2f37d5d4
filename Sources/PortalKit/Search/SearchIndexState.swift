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
    /// The files as last assembled, and what changed since (nil: everything).
    private var parts = ScriptParts()
    private var changedTerms: Set<String>? = nil
    private var changedDocuments: Set<Int>? = nil
    /// What search-index.json holds.
    private var json: JSONIndexContents = .summary

    /// An index of nothing: what is left in a build's state once its index is taken out.
    init() {
        self.init(documents: [], frequencies: [], lengths: [], totalLength: 0, average: 0, postings: [:], terms: [:], order: [], documentPieces: [])
    }

    private init(documents: [SearchDocument], frequencies: [TermFrequencies], lengths: [Int], totalLength: Int, average: Double,
                 postings: [TermKey: [SearchIndex.Posting]], terms: [TermKey: SearchIndexFiles.TermPieces], order: [TermKey],
                 documentPieces: [SearchIndexFiles.DocumentPieces]) {
        self.documents = documents
        self.frequencies = frequencies
        self.lengths = lengths
        self.totalLength = totalLength
        self.average = average
        self.postings = postings
        self.terms = terms
        self.order = order
        self.documentPieces = documentPieces
    }

    /// For queries (the same ranking the browser runs) and tests.
    var index: SearchIndex {
        SearchIndex(documents: documents, terms: order.map { (term: $0.text, postings: postings[$0]!) },
                    averageLength: average)
    }

    /// `patchable`: keep each document's term counts, which `update` needs to patch the index
    /// (watch, serve). A single build never holds them all: at 10,000 pages they would be the
    /// largest thing the index holds.
    static func build(_ documents: [SearchDocument], json: JSONIndexContents = .summary, patchable: Bool = true) async -> SearchIndexState {
        let (partial, kept, lengths, average) = await collect(documents, patchable: patchable, json: json)
        let total = lengths.reduce(0, +)
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
        let documentPieces = await parallelMap(Array(documents.enumerated())) { SearchIndexFiles.DocumentPieces($1, id: $0, json: json) }
        var state = SearchIndexState(documents: documents, frequencies: kept, lengths: lengths, totalLength: total, average: average,
                                     postings: postings, terms: terms, order: sortedKeys(terms), documentPieces: documentPieces)
        state.json = json
        return state
    }

    /// Every term's postings, weighted, and its encoded pieces, in two steps that each run on
    /// every core: runs of documents are tokenised, each run's postings collected with their
    /// counts as they come (no document's term counts are kept unless `patchable`); then, part
    /// by part of the terms, the runs' lists are joined in document order, each term's counts
    /// become BM25 weights (the average length is known by then), and the term is encoded.
    private static func collect(_ documents: [SearchDocument], patchable: Bool, json: JSONIndexContents) async
        -> (terms: [[(TermKey, [SearchIndex.Posting], SearchIndexFiles.TermPieces)]], frequencies: [TermFrequencies], lengths: [Int], average: Double) {
        let cores = max(ProcessInfoCores.count, 1)
        // Enough runs that no core waits long for the last one.
        let runCount = min(documents.count, cores * 8)
        let runs = (0..<runCount).map { r in (documents.count * r / runCount)..<(documents.count * (r + 1) / runCount) }
        let partCount = cores
        let collected = await parallelMap(runs) { range in
            CollectedRun(documents[range], first: range.lowerBound, partCount: partCount, keepCounts: patchable)
        }
        var lengths: [Int] = []
        lengths.reserveCapacity(documents.count)
        var frequencies: [TermFrequencies] = []
        for run in collected {
            lengths += run.lengths
            if patchable { frequencies += run.frequencies }
        }
        let average = SearchIndex.averageLength(total: lengths.reduce(0, +), count: documents.count)

        // Each part of the terms on its own core: the runs' lists appended, run after run
        // (document order), counts turned into weights on the way, so the lists are final and
        // encoding them copies nothing; then each term encoded. A run's part is let go once joined.
        let boosts = documents.map(\.kind.boost)
        let weighted = await parallelMap(Array(0..<partCount)) { [lengths] part -> [(TermKey, [SearchIndex.Posting], SearchIndexFiles.TermPieces)] in
            var slots = TermTable(capacity: 1 << 13)
            var keys: [TermKey] = []
            var lists: [[SearchIndex.Posting]] = []
            for run in collected {
                let (runKeys, runLists) = run.parts[part].take()
                for (key, list) in zip(runKeys, runLists) {
                    let slot = slots.value(key) {
                        keys.append(key)
                        lists.append([])
                        return lists.count - 1
                    }
                    lists[slot].reserveCapacity(lists[slot].count + list.count)
                    for p in list {
                        let doc = p.document
                        lists[slot].append(SearchIndex.Posting(document: doc, weight: SearchIndex.weight(
                            frequency: p.weight, length: lengths[doc], average: average, boost: boosts[doc])))
                    }
                }
            }
            return keys.indices.map { i in (keys[i], lists[i], SearchIndexFiles.TermPieces(keys[i].text, lists[i], json: json == .full)) }
        }
        return (weighted, frequencies, lengths, average)
    }

    /// Sorted by UTF-8 bytes (code point order): deterministic, and far cheaper than String's
    /// Unicode-aware comparison.
    private static func sortedKeys(_ terms: [TermKey: SearchIndexFiles.TermPieces]) -> [TermKey] {
        terms.map { ($0.key, $0.value.term) }.sorted { $0.1.precedesByCodePoint($1.1) }.map(\.0)
    }

    /// Becomes the index of `next`: patched in place when only some documents' contents
    /// changed, otherwise built afresh. Patching touches only the terms whose postings really
    /// change (a weight that rounds the same is no change), so a small edit re-encodes a few
    /// terms, not every term of the page.
    mutating func update(_ next: [SearchDocument]) async {
        guard next.count == documents.count, frequencies.count == documents.count else { return self = await Self.build(next, json: json) }
        var changed: [Int] = []
        for i in next.indices where next[i] != documents[i] {
            guard next[i].url == documents[i].url, next[i].kind == documents[i].kind else { return self = await Self.build(next, json: json) }
            changed.append(i)
        }
        if changed.isEmpty { return }
        let counted = changed.count > 8 ? await parallelMap(changed.map { next[$0] }, SearchIndex.frequencies) : changed.map { SearchIndex.frequencies(next[$0]) }
        var total = totalLength
        for (doc, tf) in zip(changed, counted) { total += tf.length - lengths[doc] }
        guard SearchIndex.averageLength(total: total, count: next.count) == average else { return self = await Self.build(next, json: json) }
        totalLength = total

        var touched = Set<TermKey>()
        // Terms whose one change is a posting's new weight: their encodings can be patched.
        var reweighted: [TermKey: (index: Int, was: Int)] = [:]
        var changedMore = Set<TermKey>()
        for (doc, tf) in zip(changed, counted) {
            lengths[doc] = tf.length
            let length = tf.length, boost = next[doc].kind.boost
            var now = Set<TermKey>(minimumCapacity: tf.terms.count)
            for (term, f) in zip(tf.terms, tf.counts) {
                now.insert(term)
                let posting = SearchIndex.Posting(document: doc, weight: SearchIndex.weight(frequency: f, length: length, average: average, boost: boost))
                switch postings[term, default: []].put(posting) {
                case .unchanged: continue
                case .reweighted(let index, let was) where !touched.contains(term): reweighted[term] = (index, was)
                default: changedMore.insert(term)
                }
                touched.insert(term)
            }
            for term in frequencies[doc].terms where !now.contains(term) {
                if postings[term]?.removeDocument(doc) == true {
                    touched.insert(term)
                    changedMore.insert(term)
                }
            }
            frequencies[doc] = tf
            documents[doc] = next[doc]
            documentPieces[doc] = SearchIndexFiles.DocumentPieces(next[doc], id: doc, json: json)
            changedDocuments?.insert(doc)
        }
        var termsAddedOrRemoved = false
        var reencode: [(TermKey, [SearchIndex.Posting])] = []
        for term in touched {
            if let list = postings[term], !list.isEmpty {
                if terms[term] == nil { termsAddedOrRemoved = true }
                reencode.append((term, list))
            } else {
                changedTerms?.insert(terms[term]?.term ?? term.text)
                postings[term] = nil
                terms[term] = nil
                termsAddedOrRemoved = true
            }
        }
        for term in changedMore { reweighted[term] = nil }
        var previousPieces: [TermKey: SearchIndexFiles.TermPieces] = [:]
        for term in reweighted.keys { previousPieces[term] = terms[term] }
        let withJSON = json == .full
        let encode = { @Sendable [reweighted, previousPieces] (term: TermKey, list: [SearchIndex.Posting]) -> SearchIndexFiles.TermPieces in
            if let (index, was) = reweighted[term], let old = previousPieces[term],
               let patched = old.replacingWeight(at: index, was: was, in: list) {
                return patched
            }
            return SearchIndexFiles.TermPieces(term.text, list, json: withJSON)
        }
        let pieces = reencode.count > 8 ? await parallelMap(reencode, encode) : reencode.map(encode)
        for ((term, _), piece) in zip(reencode, pieces) {
            terms[term] = piece
            changedTerms?.insert(piece.term)
        }
        if termsAddedOrRemoved {
            // A few terms come and go: removed from and inserted into the sorted order.
            order.removeAll { self.terms[$0] == nil }
            let present = Set(order)
            for (term, piece) in zip(reencode.map(\.0), pieces) where !present.contains(term) {
                order.insert(term, at: order.partitionPoint { self.terms[$0]!.term.precedesByCodePoint(piece.term) })
            }
        }
    }

    /// The output files; shards and chunks with nothing changed since the last call are the
    /// very same files as then.
    mutating func files() async -> [OutputFile] {
        let terms = order.map { self.terms[$0]! }
        let files = await parts.assemble(averageLength: average, documents: documentPieces, terms: terms,
                                         changedTerms: changedTerms, changedDocuments: changedDocuments, json: json)
        changedTerms = []
        changedDocuments = []
        return files
    }

    /// The output files of a single build, which will not patch this index again: the
    /// postings, documents and term table are let go before the files are assembled (the
    /// encoded pieces are all the files need), so they are not held while the chunks are
    /// compressed. Afterwards this is an index of nothing.
    mutating func finalFiles() async -> [OutputFile] {
        let terms = order.map { self.terms[$0]! }
        let documents = documentPieces, average = average, json = json
        var parts = parts
        self = SearchIndexState()
        return await parts.assemble(averageLength: average, documents: documents, terms: terms, changedTerms: nil, changedDocuments: nil, json: json,
                                    again: false)
    }
}

private extension Array where Element == SearchIndex.Posting {
    /// First position whose document is not below `doc` (the list is in document order).
    func position(of doc: Int) -> Int { partitionPoint { $0.document < doc } }

    /// Answers whether the list changed.
    mutating func removeDocument(_ doc: Int) -> Bool {
        let i = position(of: doc)
        guard i < count, self[i].document == doc else { return false }
        remove(at: i)
        return true
    }

    enum Put { case unchanged, reweighted(index: Int, was: Int), inserted }

    /// Adds or replaces the document's posting; answers how the list changed.
    mutating func put(_ posting: SearchIndex.Posting) -> Put {
        let i = position(of: posting.document)
        if i < count, self[i].document == posting.document {
            if self[i] == posting { return .unchanged }
            let was = self[i].weight
            self[i] = posting
            return .reweighted(index: i, was: was)
        }
        insert(posting, at: i)
        return .inserted
    }
}

/// One run of documents tokenised: each term's postings in the run, holding the term's count
/// in the document where the weight will go (weights need the average length of all runs).
private struct CollectedRun: Sendable {
    /// The run's terms by part (`TermKey.part(of:)`): each part is joined on its own core.
    var parts: [RunPart] = []
    var lengths: [Int] = []
    /// Each document's term counts, when the index is to be patched later.
    var frequencies: [TermFrequencies] = []

    init(_ documents: ArraySlice<SearchDocument>, first: Int, partCount: Int, keepCounts: Bool) {
        // The run's terms in the order met, each with its postings; split into parts at the end
        // (a part keeps that order), so the hot loop appends to one list, not a list in a list
        // in a list.
        var slots = TermTable(capacity: 1 << 12)
        var terms: [TermKey] = []
        var lists: [[SearchIndex.Posting]] = []
        lengths.reserveCapacity(documents.count)
        for (offset, document) in documents.enumerated() {
            func collect(_ term: TermKey, _ count: Int) {
                let slot = slots.value(term) {
                    terms.append(term)
                    lists.append([])
                    return lists.count - 1
                }
                lists[slot].append(SearchIndex.Posting(document: first + offset, weight: count))
            }
            if keepCounts {
                let tf = SearchIndex.frequencies(document)
                lengths.append(tf.length)
                for (term, count) in zip(tf.terms, tf.counts) { collect(term, count) }
                frequencies.append(tf)
            } else {
                lengths.append(SearchIndex.countTerms(document, each: collect))
            }
        }
        var keys = [[TermKey]](repeating: [], count: partCount)
        var partLists = [[[SearchIndex.Posting]]](repeating: [], count: partCount)
        for (term, list) in zip(terms, lists) {
            let part = term.part(of: partCount)
            keys[part].append(term)
            partLists[part].append(list)
        }
        parts = zip(keys, partLists).map { RunPart(keys: $0, lists: $1) }
    }
}

/// One part of a run's terms, taken (and so let go) by the one core that joins that part.
private final class RunPart: @unchecked Sendable {
    private var keys: [TermKey]
    private var lists: [[SearchIndex.Posting]]

    init(keys: [TermKey], lists: [[SearchIndex.Posting]]) {
        self.keys = keys
        self.lists = lists
    }

    func take() -> ([TermKey], [[SearchIndex.Posting]]) {
        defer {
            keys = []
            lists = []
        }
        return (keys, lists)
    }
}
