/// Postings as the index files spell them: each document id as the gap from the previous one,
/// a colon, the weight, both in base 36, comma-separated ("0:2s,3:1z"). Written through raw
/// pointers into buffers of the exact size: a one-line edit can re-weight postings of the
/// commonest terms (tens of thousands each), and watch mode re-encodes those on every save.
enum PostingEncoder {
    typealias Posting = SearchIndex.Posting

    /// `prefix`, every posting, `suffix`.
    static func encode(_ postings: [Posting], prefix: [UInt8], suffix: [UInt8]) -> [UInt8] {
        encode(postings, prefix: prefix, headPrefix: [], tailPrefix: [], suffix: suffix, cut: nil).all
    }

    /// Which postings make a term's head: those above the cut weight, and at the cut weight
    /// those up to a document (ties go to the lower documents).
    struct HeadCut: Sendable, Equatable {
        var weight: Int
        var lastTie: Int

        @inline(__always)
        func contains(_ p: Posting) -> Bool { p.weight > weight || (p.weight == weight && p.document <= lastTie) }
    }

    /// In one measuring and one writing pass: every posting between `prefix` and `suffix`
    /// (unless `all` is false: then empty), and, given a cut, the head's and the tail's postings
    /// (each with gaps of its own) between their prefixes and `suffix`.
    static func encode(_ postings: [Posting], prefix: [UInt8], headPrefix: [UInt8], tailPrefix: [UInt8], suffix: [UInt8],
                       cut: HeadCut?, all wantAll: Bool = true) -> (all: [UInt8], head: [UInt8], tail: [UInt8]) {
        var sizes = (all: prefix.count + suffix.count, head: headPrefix.count + suffix.count, tail: tailPrefix.count + suffix.count)
        var previous = (all: 0, head: 0, tail: 0), counts = (all: 0, head: 0, tail: 0)
        for p in postings {
            sizes.all += digitCount(p.document - previous.all) + 1 + digitCount(p.weight)
            previous.all = p.document
            counts.all += 1
            guard let cut else { continue }
            if cut.contains(p) {
                sizes.head += digitCount(p.document - previous.head) + 1 + digitCount(p.weight)
                previous.head = p.document
                counts.head += 1
            } else {
                sizes.tail += digitCount(p.document - previous.tail) + 1 + digitCount(p.weight)
                previous.tail = p.document
                counts.tail += 1
            }
        }
        sizes.all += max(counts.all - 1, 0)
        sizes.head += max(counts.head - 1, 0)
        sizes.tail += max(counts.tail - 1, 0)
        guard let cut else {
            return ([UInt8](unsafeUninitializedCapacity: sizes.all) { all, count in
                var w = Writer(all.baseAddress!, prefix)
                for p in postings { w.put(p) }
                count = w.finish(suffix)
                precondition(count == sizes.all, "posting size miscounted")
            }, [], [])
        }
        if !wantAll { sizes.all = 0 }
        var head: [UInt8] = [], tail: [UInt8] = []
        let all = [UInt8](unsafeUninitializedCapacity: sizes.all) { all, allCount in
            head = [UInt8](unsafeUninitializedCapacity: sizes.head) { head, headCount in
                tail = [UInt8](unsafeUninitializedCapacity: sizes.tail) { tail, tailCount in
                    var h = Writer(head.baseAddress!, headPrefix), t = Writer(tail.baseAddress!, tailPrefix)
                    for p in postings {
                        if cut.contains(p) { h.put(p) } else { t.put(p) }
                    }
                    tailCount = t.finish(suffix)
                    headCount = h.finish(suffix)
                    if wantAll {
                        var a = Writer(all.baseAddress!, prefix)
                        for p in postings { a.put(p) }
                        allCount = a.finish(suffix)
                    } else {
                        allCount = 0
                    }
                    precondition(allCount == sizes.all && headCount == sizes.head && tailCount == sizes.tail, "posting size miscounted")
                }
            }
        }
        return (all, head, tail)
    }

    /// Writes postings one after another into a buffer measured for them.
    private struct Writer {
        let out: UnsafeMutablePointer<UInt8>
        var i = 0
        var previous = 0
        var first = true

        init(_ out: UnsafeMutablePointer<UInt8>, _ prefix: [UInt8]) {
            self.out = out
            for b in prefix { out[i] = b; i += 1 }
        }

        @inline(__always)
        mutating func put(_ p: Posting) {
            if !first { out[i] = UInt8(ascii: ","); i += 1 }
            first = false
            PostingEncoder.put(p.document - previous, out, &i)
            out[i] = UInt8(ascii: ":"); i += 1
            PostingEncoder.put(p.weight, out, &i)
            previous = p.document
        }

        mutating func finish(_ suffix: [UInt8]) -> Int {
            for b in suffix { out[i] = b; i += 1 }
            return i
        }
    }

    /// Characters of `value` in base 36, a sign included (weights are never negative, but a
    /// minus sign costs nothing to allow).
    @inline(__always)
    static func digitCount(_ value: Int) -> Int {
        if value < 0 { return 1 + digitCount(value == Int.min ? Int.max : -value) }
        if value < 36 { return 1 }
        if value < 1_296 { return 2 }
        if value < 46_656 { return 3 }
        if value < 1_679_616 { return 4 }
        var n = 0, v = value
        while v > 0 { n += 1; v /= 36 }
        return n
    }

    @inline(__always)
    static func put(_ value: Int, _ out: UnsafeMutablePointer<UInt8>, _ i: inout Int) {
        if value < 0 {
            out[i] = UInt8(ascii: "-")
            i += 1
            return put(value == Int.min ? Int.max : -value, out, &i)
        }
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
