/// A cited source: shown on the page, so only http(s) URLs are accepted.
public struct SourceLink: Sendable, Equatable {
    public var title: String
    public var url: String
}

/// What a Markdown page is for: a guidance page of its own, or the printable incident sheet.
public enum PageKind: Sendable, Equatable {
    case guidance
    case incident
}

/// A Markdown page as loaded: front matter decoded, body still Markdown. Immutable and shared:
/// every stage and every build of a watch session that holds the page holds the same object,
/// so passing ten thousand pages around costs a reference each, and an unchanged page is
/// recognised by identity before its fields are compared.
public final class GuidancePage: Sendable, Equatable {
    public let kind: PageKind
    /// Path inside the content folder, e.g. `guidance/overview.md`: how links name the page.
    public let contentPath: String
    /// Path as shown in diagnostics.
    public let displayPath: String
    public let slug: Slug
    public let title: String
    public let summary: String
    public let updated: LocalDate
    public let sources: [SourceLink]
    public let tags: [String]
    public let order: Int?
    public let body: String
    /// Lines before the body (the front matter and its fences).
    public let bodyLineOffset: Int

    /// Ids of contact groups to print on the page (the incident sheet).
    public let contactGroups: [String]
    /// Where `updated:` is written, for the review reminder of `portal check`.
    public let updatedLine: Int
    public let updatedColumn: Int
    /// `sample: true`: an example page, not the company's own guidance; the page says so.
    public let sample: Bool
    /// `link_terms: false`: the page's first uses of glossary terms stay plain text.
    public let linkTerms: Bool

    public init(kind: PageKind = .guidance, contentPath: String, displayPath: String, slug: Slug, title: String, summary: String,
                updated: LocalDate, sources: [SourceLink], tags: [String], order: Int?, body: String, bodyLineOffset: Int,
                contactGroups: [String] = [], updatedLine: Int = 1, updatedColumn: Int = 1, sample: Bool = false, linkTerms: Bool = true) {
        self.kind = kind
        self.contentPath = contentPath
        self.displayPath = displayPath
        self.slug = slug
        self.title = title
        self.summary = summary
        self.updated = updated
        self.sources = sources
        self.tags = tags
        self.order = order
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.contactGroups = contactGroups
        self.updatedLine = updatedLine
        self.updatedColumn = updatedColumn
        self.sample = sample
        self.linkTerms = linkTerms
    }

    public static func == (a: GuidancePage, b: GuidancePage) -> Bool {
        a === b || (a.kind == b.kind && a.contentPath == b.contentPath && a.displayPath == b.displayPath && a.slug == b.slug
            && a.title == b.title && a.summary == b.summary && a.updated == b.updated && a.sources == b.sources && a.tags == b.tags
            && a.order == b.order && a.body == b.body && a.bodyLineOffset == b.bodyLineOffset && a.contactGroups == b.contactGroups
            && a.updatedLine == b.updatedLine && a.updatedColumn == b.updatedColumn && a.sample == b.sample && a.linkTerms == b.linkTerms)
    }

    public var outputPath: SitePath {
        switch kind {
        case .guidance: SitePath(components: ["guidance", slug.value + ".html"])
        case .incident: SitePath("incident.html")
        }
    }
}
