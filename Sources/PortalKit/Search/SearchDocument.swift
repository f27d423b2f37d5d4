/// One thing search can find: a section of a page, a service, a contact, a question.
/// Immutable and shared, like the pages: the index phase receives tens of thousands of them on
/// every rebuild, and an unchanged one is recognised by identity. Its fields are one value, from
/// which equality and the build cache's fingerprint of the index both derive.
@dynamicMemberLookup
public final class SearchDocument: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case guidance, incident, service, contact, faq, page, term

        /// Guidance is what the portal is for; the 339 short registry rows would otherwise crowd
        /// it out of every result list. Folded into the postings' weights at index time.
        public var boost: Double {
            switch self {
            case .guidance, .incident: 2.0
            case .faq, .contact, .page: 1.6
            case .term: 1.0
            case .service: 1.0
            }
        }

        /// How results are labelled in the page.
        public var label: String {
            switch self {
            case .guidance: "ガイダンス"
            case .incident: "初動対応"
            case .service: "基準適合サービス"
            case .contact: "連絡先"
            case .faq: "よくある質問"
            case .page: "ページ"
            case .term: "用語集"
            }
        }
    }

    public struct Fields: Sendable, Hashable, Codable {
        public var kind: Kind
        public var title: String
        /// From the portal's top down to the page (e.g. ガイダンス › 被害発生時の対応).
        public var breadcrumb: [String]
        /// Relative to the portal root, with the section anchor.
        public var url: String
        public var text: String
        /// For services: the category id.
        public var category: String?
        /// The title of the page the document is on: results are grouped by page under it.
        public var pageTitle: String
    }

    public let fields: Fields

    public subscript<T>(dynamicMember keyPath: KeyPath<Fields, T>) -> T { fields[keyPath: keyPath] }

    public init(kind: Kind, title: String, breadcrumb: [String], url: String, text: String, category: String? = nil, pageTitle: String? = nil) {
        fields = Fields(kind: kind, title: title, breadcrumb: breadcrumb, url: url, text: text, category: category, pageTitle: pageTitle ?? title)
    }

    public init(from decoder: any Decoder) throws { fields = try Fields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }

    public static func == (a: SearchDocument, b: SearchDocument) -> Bool { a === b || a.fields == b.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

    /// The page's URL: `url` without its fragment.
    public var page: Substring {
        // Output paths are ASCII but for the odd Japanese slug: there a '#' byte is a '#'
        // Character, found without breaking the URL into Characters (asked twice a document).
        if let end = fields.url.withASCIIBytes({ $0.firstIndex(of: UInt8(ascii: "#")) ?? $0.count }) {
            return Substring(fields.url.utf8.prefix(end))
        }
        return fields.url.prefix { $0 != "#" }
    }

    /// What results are grouped by: the page, except for a glossary entry, which is a result of
    /// its own (a query's words found in two unrelated entries are not a match).
    public var resultGroup: Substring { fields.kind == .term ? Substring(fields.url) : page }
}
