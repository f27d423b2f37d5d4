/// Groups of words that find each other (`content/search/synonyms.yml`): a query word that
/// belongs to a group also matches pages holding any other word of the group.
public struct SynonymTable: Sendable, Equatable {
    /// Each group's words as the editor wrote them.
    public let groups: [[String]]

    /// Group index by key (`SearchText.key`), worked out once.
    public let index: [String: Int]
    /// The alternatives of each group, folded (what the query matches).
    public let foldedGroups: [[String]]

    public init(groups: [[String]] = []) {
        self.groups = groups
        var index: [String: Int] = [:]
        for (i, group) in groups.enumerated() {
            for word in group where index[SearchText.key(word)] == nil { index[SearchText.key(word)] = i }
        }
        self.index = index
        foldedGroups = groups.map { $0.map(SearchText.fold) }
    }

    public static func == (a: SynonymTable, b: SynonymTable) -> Bool { a.groups == b.groups }
}
