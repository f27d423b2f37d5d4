import Foundation

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

    /// The first `summaryLength` characters, trimmed of `CharacterSet.whitespaces`, with "…" when
    /// the text goes on. Walks only those characters and asks the set only at the ends: the
    /// text's `count` and `trimmingCharacters(in:)` were a few per cent of a 10,000-page build.
    static func summary(of text: String) -> String {
        guard let end = text.index(text.startIndex, offsetBy: summaryLength, limitedBy: text.endIndex),
              end != text.endIndex else { return text }
        let scalars = text[..<end].unicodeScalars, spaces = CharacterSet.whitespaces
        guard let first = scalars.firstIndex(where: { !spaces.contains($0) }),
              let last = scalars.lastIndex(where: { !spaces.contains($0) }) else { return "…" }
        return String(scalars[first...last]) + "…"
    }
}
