/// What `search-index.json` (the index for other tools) holds. The page's own search never reads
/// it, so by default it is small enough for a file share: every document's metadata and a
/// summary. `full` adds each document's whole text and every term's postings, for tools that
/// search it themselves (`portal build --json-index full`).
public enum JSONIndexContents: String, Sendable, Hashable, Codable, CaseIterable {
    case summary, full

    /// Its schema version: 4 added `contents` and the summary.
    static let version = 4

    /// Characters of a document's text kept as its summary.
    static let summaryLength = 80

    static func summary(of text: String) -> String {
        guard text.count > summaryLength else { return text }
        return String(text.prefix(summaryLength)).trimmingCharacters(in: .whitespaces) + "…"
    }
}
