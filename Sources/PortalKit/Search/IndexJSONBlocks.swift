/// `search-index.json` as blocks of neighbouring documents and terms, each block the joined
/// encodings of its members. A rebuild joins again only the blocks holding a changed document or
/// term, so the file is a few thousand pieces to hand to the writer instead of a hundred thousand,
/// and the writer finds the first changed block by comparing buffers. Blocks start where a
/// document's URL or a term hashes to a boundary (as the script chunks do), so a term added or
/// removed moves only its own block's bounds, not every later block's.
struct IndexJSONBlocks: Sendable {
    private struct Block: Sendable {
        var start: Int
        var count: Int
        var bytes: [UInt8]
    }

    private var documentBlocks: [Block] = []
    /// By the block's first term.
    private var termBlocks: [String: Block] = [:]

    /// The file's pieces. `changedTerms`/`changedDocuments`: what changed since the last call
    /// (nil: everything).
    mutating func pieces(averageLength: Double, documents: [SearchIndexFiles.DocumentPieces], terms: [SearchIndexFiles.TermPieces],
                         changedTerms: Set<String>?, changedDocuments: Set<Int>?, contents: JSONIndexContents = .full) async -> [[UInt8]] {
        // Documents: a block is kept while its bounds are the same and none of its documents changed.
        let documentStarts = Self.starts(documents.count) { documents[$0].boundary }
        var dirtyDocuments = Set<Int>()
        for doc in changedDocuments ?? [] { dirtyDocuments.insert(Self.block(of: doc, in: documentStarts)) }
        var documentJobs: [(Int, Range<Int>)] = []
        var newDocumentBlocks: [Block?] = []
        newDocumentBlocks.reserveCapacity(documentStarts.count)
        for (b, start) in documentStarts.enumerated() {
            let end = b + 1 < documentStarts.count ? documentStarts[b + 1] : documents.count
            if changedDocuments != nil, !dirtyDocuments.contains(b), b < documentBlocks.count,
               documentBlocks[b].start == start, documentBlocks[b].count == end - start {
                newDocumentBlocks.append(documentBlocks[b])
            } else {
                newDocumentBlocks.append(nil)
                documentJobs.append((b, start..<end))
            }
        }

        // Terms: kept while the block starts at the same term, has as many terms, and none changed.
        let termStarts = Self.starts(terms.count) { terms[$0].boundary }
        var dirtyTerms = Set<Int>()
        for term in changedTerms ?? [] {
            if let j = Self.position(of: term, in: terms) { dirtyTerms.insert(Self.block(of: j, in: termStarts)) }
        }
        var termJobs: [(Int, Range<Int>)] = []
        var newTermBlocks: [Block?] = []
        newTermBlocks.reserveCapacity(termStarts.count)
        for (b, start) in termStarts.enumerated() {
            let end = b + 1 < termStarts.count ? termStarts[b + 1] : terms.count
            if changedTerms != nil, !dirtyTerms.contains(b), let old = termBlocks[terms[start].term], old.count == end - start {
                newTermBlocks.append(Block(start: start, count: old.count, bytes: old.bytes))
            } else {
                newTermBlocks.append(nil)
                termJobs.append((b, start..<end))
            }
        }

        // Joining is copying: the blocks of a full build are shared out among the cores.
        let joined = await parallelMap(documentJobs.map { (true, $0.0, $0.1) } + termJobs.map { (false, $0.0, $0.1) }) { isDocument, b, range in
            isDocument ? Self.join(range, first: b == 0) { documents[$0].json } : Self.join(range, first: b == 0) { terms[$0].json }
        }
        for ((b, range), bytes) in zip(documentJobs, joined) { newDocumentBlocks[b] = Block(start: range.lowerBound, count: range.count, bytes: bytes) }
        for ((b, range), bytes) in zip(termJobs, joined[documentJobs.count...]) { newTermBlocks[b] = Block(start: range.lowerBound, count: range.count, bytes: bytes) }
        documentBlocks = newDocumentBlocks.map { $0! }
        termBlocks = [:]
        termBlocks.reserveCapacity(newTermBlocks.count)
        for block in newTermBlocks { termBlocks[terms[block!.start].term] = block! }

        var w = JSONWriter(capacity: 256)
        w.raw("{")
        w.key("average_length"); w.double(averageLength); w.comma()
        w.key("bm25"); w.raw("{"); w.key("b"); w.double(SearchIndex.b); w.comma(); w.key("k1"); w.double(SearchIndex.k1); w.raw("}"); w.comma()
        w.key("contents"); w.string(contents.rawValue); w.comma()
        w.key("documents"); w.raw("[")
        var pieces: [[UInt8]] = [w.bytes]
        pieces.reserveCapacity(documentBlocks.count + newTermBlocks.count + 3)
        pieces += documentBlocks.map(\.bytes)
        w = JSONWriter(capacity: 512)
        w.raw("]"); w.comma()
        w.key("field_weights"); w.raw("{")
        w.key("breadcrumb"); w.int(SearchIndex.breadcrumbWeight); w.comma()
        w.key("text"); w.int(SearchIndex.textWeight); w.comma()
        w.key("title"); w.int(SearchIndex.titleWeight); w.raw("}"); w.comma()
        w.key("rule"); w.string(SearchIndexFiles.rule); w.comma()
        w.key("terms"); w.raw("{")
        pieces.append(w.bytes)
        pieces += newTermBlocks.map { $0!.bytes }
        w = JSONWriter(capacity: 64)
        w.raw("}"); w.comma()
        w.key("version"); w.int(JSONIndexContents.version)
        w.raw("}\n")
        pieces.append(w.bytes)
        return pieces
    }

    /// Where blocks start: the first member, and every member marked as a boundary.
    private static func starts(_ count: Int, boundary: (Int) -> Bool) -> [Int] {
        var starts: [Int] = []
        for i in 0..<count where i == 0 || boundary(i) { starts.append(i) }
        return starts
    }

    /// The block holding member `i`: the last start not after it.
    private static func block(of i: Int, in starts: [Int]) -> Int {
        max(starts.partitionPoint { $0 <= i } - 1, 0)
    }

    /// The term's place in the sorted terms, if it is there.
    private static func position(of term: String, in terms: [SearchIndexFiles.TermPieces]) -> Int? {
        let low = terms.partitionPoint { $0.term.precedesByCodePoint(term) }
        return low < terms.count && terms[low].term == term ? low : nil
    }

    /// The members' encodings with commas between, and one before unless the block is the first.
    private static func join(_ range: Range<Int>, first: Bool, _ encoding: (Int) -> [UInt8]) -> [UInt8] {
        var size = range.count - (first ? 1 : 0)
        for i in range { size += encoding(i).count }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        for i in range {
            if i != range.lowerBound || !first { bytes.append(UInt8(ascii: ",")) }
            bytes += encoding(i)
        }
        return bytes
    }
}
