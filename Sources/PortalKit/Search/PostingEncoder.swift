/// Postings as the index files spell them: each document id as the gap from the previous one,
/// a colon, the weight, both in base 36, comma-separated ("0:2s,3:1z"). Written through raw
/// pointers into buffers of the exact size: a one-line edit can re-weight postings of the
/// commonest terms (tens of thousands each), and watch mode re-encodes those on every save.
enum PostingEncoder {
    typealias Posting = SearchIndex.Posting

    /// `prefix`, every posting, `suffix`.
    static func encode(_ postings: [Posting], prefix: [UInt8], suffix: [UInt8]) -> [UInt8] {
        encode(postings, prefix: prefix, suffix: suffix) { _ in true }
    }

    /// The postings `keep` selects (in order, gaps counted between those kept), between
    /// `prefix` and `suffix`.
    @inline(__always)
    static func encode(_ postings: [Posting], prefix: [UInt8], suffix: [UInt8], keep: (Posting) -> Bool) -> [UInt8] {
        var size = prefix.count + suffix.count
        var previous = 0, kept = 0
        for p in postings where keep(p) {
            size += digitCount(p.document - previous) + 1 + digitCount(p.weight)
            previous = p.document
            kept += 1
        }
        size += max(kept - 1, 0)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            let out = buffer.baseAddress!
            var i = 0
            for b in prefix { out[i] = b; i += 1 }
            var previous = 0, first = true
            for p in postings where keep(p) {
                if !first { out[i] = UInt8(ascii: ","); i += 1 }
                first = false
                put(p.document - previous, out, &i)
                out[i] = UInt8(ascii: ":"); i += 1
                put(p.weight, out, &i)
                previous = p.document
            }
            for b in suffix { out[i] = b; i += 1 }
            precondition(i == size, "posting size miscounted")
            count = i
        }
    }

    @inline(__always)
    static func digitCount(_ value: Int) -> Int {
        precondition(value >= 0, "postings are in document order and weights are not negative")
        if value < 36 { return 1 }
        if value < 1_296 { return 2 }
        if value < 46_656 { return 3 }
        if value < 1_679_616 { return 4 }
        var n = 0, v = value
        while v > 0 { n += 1; v /= 36 }
        return n
    }

    @inline(__always)
    private static func put(_ value: Int, _ out: UnsafeMutablePointer<UInt8>, _ i: inout Int) {
        var v = UInt(value)
        let n = digitCount(value)
        var k = i + n - 1
        repeat {
            let d = v % 36
            out[k] = d < 10 ? UInt8(48 + d) : UInt8(87 + d)
            v /= 36
            k -= 1
        } while v > 0
        i += n
    }
}
