/// What rendering one Markdown text yields: HTML with link slots, plus what was extracted on the way.
public struct MarkdownDocument: Sendable, Hashable, Codable {
    /// HTML in which every link and image is still a slot; fill them with `html(resolvingLinks:)`.
    public var slottedHTML: String
    public var headings: [Heading]
    /// Every link and image, in slot order.
    public var links: [LinkReference]
    /// Plain text split at headings, for the search index.
    public var sections: [TextSection]
    public var diagnostics: [MarkdownDiagnostic]

    public init(
        slottedHTML: String, headings: [Heading], links: [LinkReference],
        sections: [TextSection], diagnostics: [MarkdownDiagnostic]
    ) {
        self.slottedHTML = slottedHTML
        self.headings = headings
        self.links = links
        self.sections = sections
        self.diagnostics = diagnostics
    }

    /// The final HTML once the caller has decided what each link becomes.
    public func html(resolvingLinks markup: [LinkMarkup]) -> String {
        LinkSlots.fill(slottedHTML, with: markup)
    }
}

public struct Heading: Sendable, Hashable, Codable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

public struct LinkReference: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case link, image, term }
    public var kind: Kind
    public var destination: String
    public var title: String
    /// For images: the alt text (the plain text of the image's description).
    public var text: String
    public var line: Int
    public var column: Int

    public init(kind: Kind, destination: String, title: String, text: String, line: Int, column: Int) {
        self.kind = kind
        self.destination = destination
        self.title = title
        self.text = text
        self.line = line
        self.column = column
    }
}

/// The HTML that replaces a link's slot: an opening and closing tag around the link text,
/// or, for an image, the whole element in `open`.
public struct LinkMarkup: Sendable, Equatable {
    public var open: String
    public var close: String

    public init(open: String, close: String = "") {
        self.open = open
        self.close = close
    }
}

public struct TextSection: Sendable, Hashable, Codable {
    /// Nil for the text before the first heading.
    public var headingID: String?
    public var title: String
    public var text: String

    public init(headingID: String?, title: String, text: String) {
        self.headingID = headingID
        self.title = title
        self.text = text
    }
}

public struct MarkdownDiagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }
    public var severity: Severity
    public var line: Int
    public var column: Int
    /// In English.
    public var message: String
    /// The same message as the host's message catalogue has it, to be printed in the reader's language.
    public var catalogued: MessageReference?

    public init(severity: Severity, line: Int, column: Int, message: String, catalogued: MessageReference? = nil) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.catalogued = catalogued
    }
}

/// A message of the host's catalogue (PortalKit's `MessageCatalogue`) by its id, with the values
/// of its placeholders: this module reports in English, and names the message so that the host
/// can print it in Japanese too.
public struct MessageReference: Sendable, Hashable, Codable {
    public struct Argument: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
        /// The value in Japanese, when it differs.
        public var ja: String?

        public init(name: String, value: String, ja: String? = nil) {
            self.name = name
            self.value = value
            self.ja = ja
        }
    }

    public var id: String
    public var arguments: [Argument]

    public init(_ id: String, _ arguments: [Argument] = []) {
        self.id = id
        self.arguments = arguments
    }
}
