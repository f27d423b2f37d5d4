/// Groups of words that find each other (`content/search/synonyms.yml`): a query word that
/// belongs to a group also matches pages holding any other word of the group.
public struct SynonymTable: Sendable, Equatable {
    /// Each group's words as the editor wrote them.
    public var groups: [[String]]

    public init(groups: [[String]] = []) {
        self.groups = groups
    }

    /// How a word is looked up: folded (width, case, kana variants) with spaces and punctuation
    /// taken out, so `SECURITY ACTION` and `security-action` are one key.
    public static func key(_ word: String) -> String {
        String(String.UnicodeScalarView(SearchText.fold(word).unicodeScalars.filter { SearchTokenizer.kind($0) != .separator }))
    }

    /// Group index by key.
    public var index: [String: Int] {
        var out: [String: Int] = [:]
        for (i, group) in groups.enumerated() {
            for word in group { out[Self.key(word)] = out[Self.key(word)] ?? i }
        }
        return out
    }

    /// The alternatives of each group, folded (what the query matches).
    public var foldedGroups: [[String]] {
        groups.map { $0.map(SearchText.fold) }
    }
}
