/// `faq.yml` as loaded.
public struct FAQDocument: Sendable, Hashable, Codable {
    public var displayPath: String
    public var entries: [FAQEntry]
}

/// One question and answer of `faq.yml`; the answer is Markdown.
public struct FAQEntry: Sendable, Hashable, Codable {
    public var id: String
    public var category: String
    public var question: String
    public var answer: String
    /// Line before the answer's first line, so Markdown diagnostics land on the file's lines.
    public var answerLineOffset: Int
    /// Indentation of the answer's lines in the file.
    public var answerColumnOffset: Int
    public var line: Int
}
