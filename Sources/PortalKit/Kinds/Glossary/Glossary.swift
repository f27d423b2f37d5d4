/// `content/glossary.yml`: security terms with their reading, a short definition, the other
/// spellings people search them by, and related terms.
struct Glossary: Sendable, Hashable, Codable {
    struct Term: Sendable, Hashable, Codable {
        var term: String
        /// In kana; empty for a term that starts with a Latin letter or digit (indexed under A–Z).
        var reading: String
        /// Markdown: rendered like an FAQ answer, links checked.
        var definition: String
        var definitionLine: Int
        var definitionColumn: Int
        var aliases: [String]
        var seeAlso: [String]
        /// The entry's id on glossary.html.
        var anchor: String
        var line: Int
    }

    static let path = "glossary.yml"
    static let outputPath = SitePath("glossary.html")

    var displayPath: String
    /// In index order: 50音 by reading, then A–Z.
    var terms: [Term]
}
