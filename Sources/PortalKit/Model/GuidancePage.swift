/// A cited source: shown on the page, so only http(s) URLs are accepted.
public struct SourceLink: Sendable, Hashable, Codable {
    public var title: String
    public var url: String
}

/// What a Markdown page is for: a guidance page of its own, or the printable incident sheet.
public enum PageKind: String, Sendable, Hashable, Codable {
    case guidance
    case incident
}

/// A Markdown page as loaded: front matter decoded, body still Markdown. Immutable and shared:
/// every stage and every build of a watch session that holds the page holds the same object,
/// so passing ten thousand pages around costs a reference each, and an unchanged page is
/// recognised by identity before its fields are compared. The fields are one value, from which
/// equality, the build cache's format and its fingerprint all derive.
@dynamicMemberLookup
public final class GuidancePage: Sendable, Hashable, Codable {
    public struct Fields: Sendable, Hashable, Codable {
        public var kind: PageKind
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
        public var contactGroups: [String]
        /// Where `updated:` is written, for the review reminder of `portal check`.
        public var updatedLine: Int
        public var updatedColumn: Int
        /// `sample: true`: an example page, not the company's own guidance; the page says so.
        public var sample: Bool
        /// `link_terms: false`: the page's first uses of glossary terms stay plain text.
        public var linkTerms: Bool
        /// `group:`: one of site.yml's `guidance_groups` (nil: listed after them).
        public var group: String?
        /// `extra:`: the editors' own data, for templates.
        public var extra: ExtraValue?
    }

    public let fields: Fields

    public subscript<T>(dynamicMember keyPath: KeyPath<Fields, T>) -> T { fields[keyPath: keyPath] }

    public init(_ fields: Fields) { self.fields = fields }

    public init(kind: PageKind = .guidance, contentPath: String, displayPath: String, slug: Slug, title: String, summary: String,
                updated: LocalDate, sources: [SourceLink], tags: [String], order: Int?, body: String, bodyLineOffset: Int,
                contactGroups: [String] = [], updatedLine: Int = 1, updatedColumn: Int = 1, sample: Bool = false, linkTerms: Bool = true,
                group: String? = nil, extra: ExtraValue? = nil) {
        fields = Fields(kind: kind, contentPath: contentPath, displayPath: displayPath, slug: slug, title: title, summary: summary,
                        updated: updated, sources: sources, tags: tags, order: order, body: body, bodyLineOffset: bodyLineOffset,
                        contactGroups: contactGroups, updatedLine: updatedLine, updatedColumn: updatedColumn, sample: sample, linkTerms: linkTerms,
                        group: group, extra: extra)
    }

    public convenience init(from decoder: any Decoder) throws { self.init(try Fields(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }

    public static func == (a: GuidancePage, b: GuidancePage) -> Bool { a === b || a.fields == b.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

    public var outputPath: SitePath {
        switch fields.kind {
        case .guidance: SitePath(components: ["guidance", fields.slug.value + ".html"])
        case .incident: SitePath("incident.html")
        }
    }
}
