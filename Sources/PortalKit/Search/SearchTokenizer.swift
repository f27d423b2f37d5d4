import PortalMarkdown

/// The search text rule, once, for the index (the browser's search.js implements the same rule,
/// and both are tested against Tests/Shared/search-vectors.json):
///
/// - normalise with `SearchText.fold` (NFKC, lower case);
/// - a run of Latin letters and digits is a word;
/// - in a run of Japanese characters (kanji, hiragana, katakana with ー, 々, 〆) every character
///   starts a token: itself and the next character of the run, or itself alone at the run's end.
///   So a run becomes its overlapping bigrams plus its last character, and a one-character run
///   is a unigram. The last character makes one-character queries (a single kanji) findable;
///   query tokens match terms that start with them.
/// - anything else separates tokens.
public enum SearchTokenizer {
    enum Kind { case latin, japanese, separator }

    // Inlined into the tokenizer's loop: as a call it was 1 % of a 10,000-page build's CPU.
    @inline(__always)
    static func kind(_ s: Unicode.Scalar) -> Kind {
        let v = s.value
        if v.isIn(0x30, 0x39) || v.isIn(0x61, 0x7A) || v.isIn(0x41, 0x5A) { return .latin }
        if v.isIn(0x3041, 0x3096) || v.isIn(0x309D, 0x309F)  // hiragana
            || v.isIn(0x30A1, 0x30FA) || v.isIn(0x30FC, 0x30FF)  // katakana, ー
            || v.isIn(0x31F0, 0x31FF)  // katakana phonetic extensions
            || v.isIn(0x3400, 0x4DBF) || v.isIn(0x4E00, 0x9FFF) || v.isIn(0xF900, 0xFAFF)  // kanji
            || v.isIn(0x20000, 0x2FA1F)
            || v == 0x3005 || v == 0x3006 || v == 0x3007  // 々 〆 〇
        { return .japanese }
        // Accented Latin and other alphabets. The range first: Japanese punctuation and
        // full-width forms, the commonest scalars here, skip the property lookup.
        if v < 0x2E80, s.properties.isAlphabetic { return .latin }
        return .separator
    }

    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        forEachToken(utf8: SearchText.foldedUTF8(text)) { out.append($0.text) }
        return out
    }

    /// Tokens of already folded text.
    public static func tokens(normalized text: String) -> [String] {
        var out: [String] = []
        forEachToken(utf8: Array(text.utf8)) { out.append($0.text) }
        return out
    }

    /// The indexing path: walks folded UTF-8 bytes and hands out each token as a `TermKey`,
    /// without making a String per token. Same rule as `tokens`.
    ///
    /// One pass, nothing kept but the run's start and the last Japanese character's bytes: a
    /// bigram is that character packed with the next one. The earlier form kept every scalar's
    /// offset of a run in an array and cut the tokens when the run ended, a sixth of the index
    /// step's CPU (`FastPathTests` checks both give the same tokens).
    static func forEachToken(utf8 bytes: [UInt8], _ body: (TermKey) -> Void) {
        bytes.withUnsafeBufferPointer { p in
            let count = p.count
            var runKind = Kind.separator
            var runStart = 0  // where the current Latin run starts
            var previous: UInt64 = 0  // the run's last Japanese character, packed
            var previousLength = 0  // its length in bytes; 0: none yet in this run
            var i = 0
            while i < count {
                let lead = p[i]
                let k: Kind
                var length = 1
                if lead < 0x80 {
                    k = (lead &- 0x30 <= 9) || (lead | 0x20) &- 0x61 <= 25 ? .latin : .separator
                } else {
                    var value: UInt32
                    switch lead {
                    case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
                    case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
                    default: length = 4; value = UInt32(lead & 0x07)
                    }
                    var j = 1
                    while j < length, i + j < count {
                        value = value << 6 | UInt32(p[i + j] & 0x3F)
                        j += 1
                    }
                    k = kind(Unicode.Scalar(value) ?? " ")
                }
                let end = min(i + length, count)
                if k != runKind {
                    switch runKind {
                    case .latin: body(TermKey(p, runStart..<i))
                    case .japanese: body(.packed(previous))
                    case .separator: break
                    }
                    runKind = k
                    runStart = i
                    previousLength = 0
                }
                if k == .japanese {
                    var packed: UInt64 = 0
                    var shift: UInt64 = 0
                    for b in i..<end {
                        packed |= UInt64(p[b]) << shift
                        shift += 8
                    }
                    if previousLength > 0 { body(.packed(previous | packed << (8 * UInt64(previousLength)))) }
                    previous = packed
                    previousLength = end - i
                }
                i = end
            }
            switch runKind {
            case .latin: body(TermKey(p, runStart..<count))
            case .japanese: body(.packed(previous))
            case .separator: break
            }
        }
    }
}

/// A term as a dictionary key: up to eight UTF-8 bytes packed into an integer (every Japanese
/// bigram and most words), longer ones as text. Hashing an integer is what makes indexing fast;
/// String hashing normalises every non-ASCII key again.
enum TermKey: Hashable, Sendable {
    case packed(UInt64)
    case long(String)

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if range.count <= 8 {
            var v: UInt64 = 0
            for (shift, i) in range.enumerated() { v |= UInt64(bytes[i]) << (8 * UInt64(shift)) }
            self = .packed(v)
        } else {
            self = .long(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        }
    }

    /// Which of `count` disjoint parts the term belongs to (for building the index on every core).
    func part(of count: Int) -> Int {
        switch self {
        case .packed(let v): return Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> 33) % count
        case .long(let s): return s.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } % count
        }
    }

    var text: String {
        switch self {
        case .long(let s): return s
        case .packed(var v):
            var out: [UInt8] = []
            while v != 0 { out.append(UInt8(v & 0xFF)); v >>= 8 }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
