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

    static func kind(_ s: Unicode.Scalar) -> Kind {
        let v = s.value
        if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) { return .latin }
        if (0x3041...0x3096).contains(v) || (0x309D...0x309F).contains(v)  // hiragana
            || (0x30A1...0x30FA).contains(v) || (0x30FC...0x30FF).contains(v)  // katakana, ー
            || (0x31F0...0x31FF).contains(v)  // katakana phonetic extensions
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)  // kanji
            || (0x20000...0x2FA1F).contains(v)
            || v == 0x3005 || v == 0x3006 || v == 0x3007  // 々 〆 〇
        { return .japanese }
        if s.properties.isAlphabetic, v < 0x2E80 { return .latin }  // accented Latin and other alphabets
        return .separator
    }

    public static func tokens(_ text: String) -> [String] {
        tokens(normalized: SearchText.fold(text))
    }

    /// Tokens of already folded text.
    public static func tokens(normalized text: String) -> [String] {
        var tokens: [String] = []
        var run: [Unicode.Scalar] = []
        var runKind = Kind.separator
        func flush() {
            switch runKind {
            case .latin:
                var word = String.UnicodeScalarView()
                word.append(contentsOf: run)
                tokens.append(String(word))
            case .japanese:
                for i in run.indices {
                    var token = String.UnicodeScalarView()
                    token.append(run[i])
                    if i + 1 < run.count { token.append(run[i + 1]) }
                    tokens.append(String(token))
                }
            case .separator:
                break
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let k = kind(scalar)
            if k != runKind {
                flush()
                runKind = k
            }
            if k != .separator { run.append(scalar) }
        }
        flush()
        return tokens
    }
}
