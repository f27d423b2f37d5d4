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

/// A Markdown page as loaded: front matter decoded, body still Markdown.
public struct GuidancePage: Sendable, Equatable {
    public var kind: PageKind = .guidance
    /// Path inside the content folder, e.g. `guidance/overview.md`: how links name the page.
    public var contentPath: String
    /// Path as shown in diagnostics.
    public var displayPath: String
    public var slug: Slug
    public var title: String
    public var summary: String
    public var updated: LocalDate
    public var sources: [SourceLink]
    public var tags: [String]
    public var order: Int?
    public var body: String
    /// Lines before the body (the front matter and its fences).
    public var bodyLineOffset: Int

    /// Ids of contact groups to print on the page (the incident sheet).
    public var contactGroups: [String] = []
    /// Where `updated:` is written, for the review reminder of `portal check`.
    public var updatedLine = 1
    public var updatedColumn = 1

    public var outputPath: SitePath {
        switch kind {
        case .guidance: SitePath(components: ["guidance", slug.value + ".html"])
        case .incident: SitePath("incident.html")
        }
    }
}
