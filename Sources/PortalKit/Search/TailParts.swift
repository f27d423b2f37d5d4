/// A term's tail (its postings beyond the head, in a tail file) as the parts its file's zlib
/// stream is joined from. A long tail is cut where its content says (a rolling hash, as in
/// content-defined chunking), not at fixed offsets: when one document's posting changes, the
/// cuts before and after it stay where they were, so watch compresses again one part of a
/// common word's tail, not all of it.
struct TailParts: Sendable {
    struct Part: Sendable {
        var range: Range<Int>
        var deflated: Deflate.Part
    }

    /// Whether the term was first in its file (its bytes start with "{", not ",").
    var first: Bool
    /// The bytes the parts were made of (the term's tail without the separator).
    var tail: [UInt8]
    var parts: [Part]

    /// No cut closer than this to the last (a part has a few bytes of overhead, and compresses
    /// worse the shorter it is), and none further: about one cut in `mask + 1` bytes between.
    static let minimum = 16_384, maximum = 131_072, mask: UInt64 = 0x7FFF

    /// The tail's parts, each taken from `earlier` (the same term's last parts) where its bytes
    /// are the same.
    static func make(_ tail: [UInt8], first: Bool, level: Int32, earlier: TailParts?) -> TailParts {
        // Only parts made under the same separator can be taken (the first part carries it).
        let earlier = earlier?.first == first ? earlier : nil
        // An unchanged tail is the same buffer (Array's == compares storage first).
        if let earlier, earlier.tail == tail { return earlier }
        // The earlier parts by length, to find one with the same bytes.
        var kept: [Int: [Part]] = [:]
        for part in earlier?.parts ?? [] { kept[part.range.count, default: []].append(part) }
        var parts: [Part] = []
        var start = 0
        for end in cuts(tail) {
            let range = start..<end
            let same = earlier.flatMap { earlier in
                kept[range.count]?.first { ($0.range.lowerBound == 0) == (start == 0) && earlier.tail[$0.range].elementsEqual(tail[range]) }
            }
            let part = same?.deflated
                ?? Deflate.part((start == 0 ? [first ? UInt8(ascii: "{") : UInt8(ascii: ",")] : []) + tail[range], level: level)
            parts.append(Part(range: range, deflated: part))
            start = end
        }
        return TailParts(first: first, tail: tail, parts: parts)
    }

    /// Where parts end: after the byte where the rolling hash of the bytes before it has its low
    /// bits clear (a gear hash: each byte shifts the older ones out within 64 bytes), within
    /// `minimum`…`maximum` of the last cut; and at the end.
    static func cuts(_ bytes: [UInt8]) -> [Int] {
        var cuts: [Int] = []
        var hash: UInt64 = 0
        var last = 0
        for i in bytes.indices {
            hash = hash << 1 &+ gear[Int(bytes[i])]
            let length = i + 1 - last
            if length >= maximum || (length >= minimum && hash & mask == 0 && bytes.count - (i + 1) >= minimum) {
                cuts.append(i + 1)
                last = i + 1
            }
        }
        if last < bytes.count || cuts.isEmpty { cuts.append(bytes.count) }
        return cuts
    }

    /// 256 fixed pseudo-random words from a constant seed: the same cuts in every build.
    private static let gear: [UInt64] = {
        var words = SplitMix64(seed: 0x5EED_7A11_0000_0018)
        return (0..<256).map { _ in words.next() }
    }()
}
