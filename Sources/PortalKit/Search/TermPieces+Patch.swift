extension SearchIndexFiles.TermPieces {
    /// The pieces for `postings`, which are the postings these pieces were encoded from but for
    /// the weight of the one at `index`, patched where that posting is written instead of
    /// encoded again: when an edit changes a page's length, every term of the page is
    /// re-weighted, and the commonest terms hold tens of thousands of postings each. Nil when the
    /// change moves a posting between head and tail (the caller then encodes afresh).
    func replacingWeight(at index: Int, was oldWeight: Int, in postings: [SearchIndex.Posting]) -> Self? {
        let cut = SearchIndexFiles.headCut(postings)
        guard cut == self.cut else { return nil }
        var next = self
        let posting = postings[index]
        if !json.isEmpty { next.json = Self.patch(json, posting: index, weight: posting.weight, counted: false) }
        guard let cut else {
            next.head = Self.patch(head, posting: index, weight: posting.weight, counted: true)
            return next
        }
        let was = SearchIndex.Posting(document: posting.document, weight: oldWeight)
        guard cut.contains(posting) == cut.contains(was) else { return nil }
        // Every other posting keeps its side: the same cut decides it from the same weight.
        var before = 0
        for p in postings[..<index] where cut.contains(p) { before += 1 }
        if cut.contains(posting) {
            next.head = Self.patch(head, posting: before, weight: posting.weight, counted: true)
        } else {
            next.tail = Self.patch(tail, posting: index - before, weight: posting.weight, counted: false)
        }
        return next
    }

    /// `encoded` ("term":"gap:weight,…", or in a head with `counted`, "term":"df|gap:weight,…"),
    /// with the weight of its `n`th posting replaced.
    private static func patch(_ encoded: [UInt8], posting n: Int, weight: Int, counted: Bool) -> [UInt8] {
        encoded.withUnsafeBufferPointer { bytes -> [UInt8] in
            // Postings start after the opening quote of the value (the key is a quoted string,
            // so its closing quote is followed by ':' then the value's quote) and, in a head,
            // after "df|".
            var i = 0
            var quotes = 0
            while quotes < 3 {
                if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
                if bytes[i] == UInt8(ascii: "\"") { quotes += 1 }
                i += 1
            }
            if counted {
                while bytes[i] != UInt8(ascii: "|") { i += 1 }
                i += 1
            }
            var commas = 0
            while commas < n {
                if bytes[i] == UInt8(ascii: ",") { commas += 1 }
                i += 1
            }
            while bytes[i] != UInt8(ascii: ":") { i += 1 }
            let start = i + 1
            var end = start
            while bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "\"") { end += 1 }
            let digits = PostingEncoder.digitCount(weight)
            return [UInt8](unsafeUninitializedCapacity: bytes.count - (end - start) + digits) { out, count in
                let base = out.baseAddress!
                base.update(from: bytes.baseAddress!, count: start)
                var w = start
                PostingEncoder.put(weight, base, &w)
                (base + w).update(from: bytes.baseAddress! + end, count: bytes.count - end)
                count = w + bytes.count - end
            }
        }
    }
}
