/// What a query asks for: its words, each with the spellings that count as it. A query typed
/// without spaces is split as Japanese word breakers split it (ICU's dictionary, the rule of
/// Chromium's `Intl.Segmenter`): ルート化検出 → ルート / 化 / 検出. Katakana words stay whole
/// (the dictionary would cut loanwords it does not know: ランサムウエア → ラン / サム / ウエア),
/// particles are dropped, and a word (or a run of them) in a synonym group brings the group.
/// The same rule as `queryWords` in search.js; Tests/Shared/search-vectors.json holds examples.
public struct QueryWord: Sendable, Equatable {
    /// The word as typed, folded.
    public var text: String
    /// What may stand for it in a page, folded: the word itself, then its synonyms.
    public var alternatives: [String]

    /// A word that can carry a partial match by itself: two characters or more, or one with
    /// synonyms. A lone kanji (化, 者) is too common to show a page for.
    public var substantial: Bool { text.unicodeScalars.count >= 2 || alternatives.count > 1 }
}

public enum QueryWords {
    /// Particles and light verbs a hurried query carries without meaning (dropped unless nothing else is left).
    static let stopWords: Set<String> = ["の", "を", "に", "は", "が", "で", "と", "も", "や", "へ", "か", "な", "ね", "よ",
                                         "から", "まで", "より", "など", "する", "した", "して", "される", "ある", "いる", "こと",
                                         "もの", "ため", "とき", "には", "では", "について", "とは", "って", "たい"]
    /// Longest run of pieces looked up as one synonym (電話 + 番号 = 電話番号).
    static let longestSynonymPieces = 4

    public static func parse(_ query: String, synonyms: SynonymTable) -> [QueryWord] {
        parse(query, index: synonyms.index, groups: synonyms.foldedGroups)
    }

    static func parse(_ query: String, index: [String: Int], groups: [[String]]) -> [QueryWord] {
        var parts = pieces(SearchText.fold(query))
        let meaningful = parts.filter { !stopWords.contains($0) }
        if !meaningful.isEmpty { parts = meaningful }
        var words: [QueryWord] = []
        var i = 0
        while i < parts.count {
            var found: (length: Int, group: Int)? = nil
            for length in stride(from: min(longestSynonymPieces, parts.count - i), through: 1, by: -1) {
                if let g = index[parts[i..<(i + length)].joined()] { found = (length, g); break }
            }
            let length = found?.length ?? 1
            var text = parts[i..<(i + length)].joined()
            var alternatives = [text]
            if let g = found?.group {
                // The group's words as written (folded, spaces kept), the one typed first.
                text = groups[g].first { SearchText.key($0) == text } ?? text
                alternatives = [text] + groups[g].filter { $0 != text }
            }
            if !words.contains(where: { $0.text == text }) { words.append(QueryWord(text: text, alternatives: alternatives)) }
            i += length
        }
        return words
    }

    /// The folded query as pieces: Latin and digit runs whole, katakana runs whole, other
    /// Japanese runs through the word breaker with neighbouring katakana pieces joined again.
    static func pieces(_ folded: String) -> [String] {
        var out: [String] = []
        var run = String.UnicodeScalarView()
        var runKind = SearchTokenizer.Kind.separator
        func flush() {
            defer { run = String.UnicodeScalarView() }
            guard !run.isEmpty else { return }
            let text = String(run)
            guard runKind == .japanese, run.contains(where: { !KanaFolding.isKatakana($0.value) }) else {
                out.append(text)
                return
            }
            var joined: [String] = []
            var lastWasKatakana = false
            for segment in WordSegmenter.segments(text) {
                let katakana = segment.unicodeScalars.allSatisfy { KanaFolding.isKatakana($0.value) }
                if katakana, lastWasKatakana { joined[joined.count - 1] += segment } else { joined.append(segment) }
                lastWasKatakana = katakana
            }
            out += joined
        }
        for scalar in folded.unicodeScalars {
            let kind = SearchTokenizer.kind(scalar)
            if kind != runKind { flush(); runKind = kind }
            if kind != .separator { run.append(scalar) }
        }
        flush()
        return out
    }
}
