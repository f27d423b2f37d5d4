/// A fenced code block whose info string names a registered renderer (e.g. ```table).
public struct FencedBlock: Sendable {
    public var info: String
    public var arguments: String
    public var literal: String
    /// Line of the first content line (the one after the opening fence), in the caller's numbering.
    public var firstLine: Int
}

/// What a fenced-block renderer returns: ready HTML (it must escape everything it takes from the
/// literal) and plain text for search.
public struct FencedBlockOutput: Sendable {
    public var html: String
    public var text: String

    public init(html: String, text: String) {
        self.html = html
        self.text = text
    }
}

public struct FencedBlockError: Error, Sendable {
    public var line: Int
    /// In English.
    public var message: String
    /// The message as the host's catalogue has it, when it has it.
    public var catalogued: MessageReference?

    public init(line: Int, message: String, catalogued: MessageReference? = nil) {
        self.line = line
        self.message = message
        self.catalogued = catalogued
    }
}

public typealias FencedBlockRenderer = @Sendable (FencedBlock) throws(FencedBlockError) -> FencedBlockOutput

public struct MarkdownOptions: Sendable {
    /// Off by default: raw HTML becomes an inert comment, as cmark's safe mode does.
    public var allowRawHTML: Bool
    /// Added to cmark's line numbers, so diagnostics point into the whole file (after front matter).
    public var lineOffset: Int
    /// Added to every column: Markdown indented inside another file (a YAML block scalar).
    public var columnOffset: Int
    public var fencedBlockRenderers: [String: FencedBlockRenderer]
    /// Terms whose first use in running text (not in a heading, link, image or code) becomes a
    /// link of kind `.term` to the term's destination.
    public var terms: TermMatcher?

    public init(allowRawHTML: Bool = false, lineOffset: Int = 0, columnOffset: Int = 0, fencedBlockRenderers: [String: FencedBlockRenderer] = [:],
                terms: TermMatcher? = nil) {
        self.allowRawHTML = allowRawHTML
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
        self.fencedBlockRenderers = fencedBlockRenderers
        self.terms = terms
    }
}
