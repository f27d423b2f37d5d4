/// Finds where terms are used in text, in one pass over its scalars: a table of the scalars any
/// term starts with lets every other position be skipped at the cost of one array read, so
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

    public let terms: [Term]
    /// Words as scalars, longest first, with the term each stands for.
    private let words: [(scalars: [Unicode.Scalar], term: Int)]
    /// Bit per Basic Multilingual Plane scalar: does some word start with it.
    private let starts: [UInt64]
    /// Words starting beyond the plane, checked at every such scalar.
    private let hasAstralStart: Bool

    public init(_ terms: [Term]) {
        self.terms = terms
        var words: [(scalars: [Unicode.Scalar], term: Int)] = []
        for (i, term) in terms.enumerated() {
            for word in term.words where !word.isEmpty { words.append((Array(word.unicodeScalars), i)) }
        }
        words.sort { $0.scalars.count > $1.scalars.count }
        self.words = words
        var starts = [UInt64](repeating: 0, count: 1024)
        var astral = false
        for w in words {
            let v = Int(w.scalars[0].value)
            if v < 65536 { starts[v >> 6] |= 1 << UInt64(v & 63) } else { astral = true }
        }
        self.starts = starts
        hasAstralStart = astral
    }

    public static func == (a: TermMatcher, b: TermMatcher) -> Bool { a.terms == b.terms }

    /// The uses in `text` of terms not in `used`, each term once, in order, not overlapping:
    /// ranges in scalar offsets, with the term's index. `used` gains the terms found.
    public func uses(in text: String, skipping used: inout Set<Int>) -> [(range: Range<Int>, term: Int)] {
        guard !words.isEmpty, used.count < terms.count else { return [] }
        let scalars = Array(text.unicodeScalars)
        var found: [(range: Range<Int>, term: Int)] = []
        var i = 0
        while i < scalars.count {
            let v = Int(scalars[i].value)
            let candidate = v < 65536 ? starts[v >> 6] & (1 << UInt64(v & 63)) != 0 : hasAstralStart
            if candidate, let (length, term) = match(scalars, at: i, used: used) {
                found.append((i..<(i + length), term))
                used.insert(term)
                i += length
                continue
            }
            i += 1
        }
        return found
    }

    private func match(_ scalars: [Unicode.Scalar], at i: Int, used: Set<Int>) -> (Int, Int)? {
        for w in words where !used.contains(w.term) && i + w.scalars.count <= scalars.count {
            guard scalars[i] == w.scalars[0] else { continue }
            var same = true
            for k in 1..<w.scalars.count where scalars[i + k] != w.scalars[k] {
                same = false
                break
            }
            guard same else { continue }
            if i > 0, let script = Self.script(w.scalars[0]), Self.script(scalars[i - 1]) == script { continue }
            let end = i + w.scalars.count
            if end < scalars.count, let script = Self.script(w.scalars[w.scalars.count - 1]), Self.script(scalars[end]) == script { continue }
            return (w.scalars.count, w.term)
        }
        return nil
    }

    private enum Script { case latin, katakana }

    /// The scripts whose words run on without a break: ASCII letters and digits, and katakana (with ー).
    private static func script(_ s: Unicode.Scalar) -> Script? {
        if s.isASCII { return s.properties.isAlphabetic || ("0"..."9").contains(s) ? .latin : nil }
        return (0x30A1...0x30FA).contains(s.value) || s == "ー" ? .katakana : nil
    }
}
