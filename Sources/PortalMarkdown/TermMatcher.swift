/// Finds where terms are used in text, in one pass over its UTF-8 bytes: a table of the scalars
/// any term starts with lets every other position be skipped at the cost of one array read, so
/// ten thousand pages against a glossary of hundreds of words cost little more than reading them.
/// At a position, the longest word wins (脆弱性診断 before 脆弱性). A word that begins or ends
/// with an ASCII letter or digit, or with katakana, matches only where the text does not go on
/// in the same script: VPN but not the VPN in VPNs, ログ but not the ログ in プログラム or ログイン.
public struct TermMatcher: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public var words: [String]
        public var destination: String

        public init(words: [String], destination: String) {
            self.words = words
            self.destination = destination
        }
    }

    /// Which terms a page has linked already.
    public struct Used: Sendable {
        fileprivate var flags: [Bool]
        fileprivate var count: Int

        fileprivate init(terms: Int) {
            flags = Array(repeating: false, count: terms)
            count = 0
        }
    }

    private struct Word: Sendable {
        var bytes: [UInt8]
        var term: Int
        /// The script of its first and last scalar, for the whole-word rule.
        var first: Script?
        var last: Script?
    }

    public let terms: [Term]
    /// Longest first.
    private let words: [Word]
    /// The words starting with each scalar, longest first (indices into `words`).
    private let byStart: [UInt32: [Int]]
    /// Bit per Basic Multilingual Plane scalar: does some word start with it.
    private let starts: [UInt64]
    /// Words starting beyond the plane, checked at every such scalar.
    private let hasAstralStart: Bool

    public init(_ terms: [Term]) {
        self.terms = terms
        var words: [Word] = []
        for (i, term) in terms.enumerated() {
            for word in term.words where !word.isEmpty {
                words.append(Word(bytes: Array(word.utf8), term: i, first: word.unicodeScalars.first.flatMap(Self.script),
                                  last: word.unicodeScalars.last.flatMap(Self.script)))
            }
        }
        words.sort { $0.bytes.count > $1.bytes.count }
        self.words = words
        var byStart: [UInt32: [Int]] = [:]
        for (i, w) in words.enumerated() { byStart[Self.decode(w.bytes, at: 0).value, default: []].append(i) }
        self.byStart = byStart
        var starts = [UInt64](repeating: 0, count: 1024)
        var astral = false
        for w in words {
            let v = Int(Self.decode(w.bytes, at: 0).value)
            if v < 65536 { starts[v >> 6] |= 1 << UInt64(v & 63) } else { astral = true }
        }
        self.starts = starts
        hasAstralStart = astral
    }

    public static func == (a: TermMatcher, b: TermMatcher) -> Bool { a.terms == b.terms }

    /// No term linked yet.
    public func unused() -> Used { Used(terms: terms.count) }

    /// The uses in `text` of terms not yet `used`, each term once, in order, not overlapping:
    /// ranges in UTF-8 byte offsets, with the term's index. `used` gains the terms found.
    public func uses(in text: String, skipping used: inout Used) -> [(range: Range<Int>, term: Int)] {
        var text = text
        return text.withUTF8 { uses(inUTF8: $0, skipping: &used) }
    }

    /// `uses(in:skipping:)` of UTF-8 text as it is (a text node's bytes, without a String made of them).
    public func uses(inUTF8 bytes: UnsafeBufferPointer<UInt8>, skipping used: inout Used) -> [(range: Range<Int>, term: Int)] {
        guard !words.isEmpty, used.count < terms.count else { return [] }
        var found: [(range: Range<Int>, term: Int)] = []
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let scalar = Self.decode(bytes, at: i).value
            let candidate = length == 4 ? hasAstralStart : starts[Int(scalar) >> 6] & (1 << UInt64(scalar & 63)) != 0
            if candidate, let (count, term) = match(bytes, at: i, startingWith: scalar, used: used) {
                found.append((i..<(i + count), term))
                used.flags[term] = true
                used.count += 1
                i += count
                continue
            }
            i += length
        }
        return found
    }

    private func match(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, startingWith scalar: UInt32, used: Used) -> (Int, Int)? {
        guard let candidates = byStart[scalar] else { return nil }
        for index in candidates {
            let w = words[index]
            guard !used.flags[w.term], i + w.bytes.count <= bytes.count else { continue }
            var same = true
            for k in 1..<w.bytes.count where bytes[i + k] != w.bytes[k] {
                same = false
                break
            }
            guard same else { continue }
            if let script = w.first, i > 0, Self.script(Self.decode(bytes, at: Self.start(before: i, in: bytes))) == script { continue }
            let end = i + w.bytes.count
            if let script = w.last, end < bytes.count, Self.script(Self.decode(bytes, at: end)) == script { continue }
            return (w.bytes.count, w.term)
        }
        return nil
    }

    private enum Script { case latin, katakana }

    /// The scripts whose words run on without a break: ASCII letters and digits, and katakana (with ー).
    private static func script(_ s: Unicode.Scalar) -> Script? {
        if s.isASCII { return s.properties.isAlphabetic || ("0"..."9").contains(s) ? .latin : nil }
        return (0x30A1...0x30FA).contains(s.value) || s == "ー" ? .katakana : nil
    }

    /// The scalar whose UTF-8 starts at `i` (the text is valid UTF-8).
    private static func decode<C: RandomAccessCollection<UInt8>>(_ bytes: C, at i: C.Index) -> Unicode.Scalar where C.Index == Int {
        let b0 = UInt32(bytes[i])
        let value: UInt32
        switch b0 {
        case ..<0x80: value = b0
        case ..<0xE0: value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        case ..<0xF0: value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        default: value = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Where the scalar before byte `i` starts.
    private static func start(before i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var j = i - 1
        while j > 0, bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }
}
