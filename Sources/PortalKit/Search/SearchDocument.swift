/// One thing search can find: a section of a page, a service, a contact, a question.
/// Immutable and shared, like the pages: the index phase receives tens of thousands of them on
/// every rebuild, and an unchanged one is recognised by identity.
public final class SearchDocument: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
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

    public let kind: Kind
    public let title: String
    /// From the portal's top down to the page (e.g. ガイダンス › 被害発生時の対応).
    public let breadcrumb: [String]
    /// Relative to the portal root, with the section anchor.
    public let url: String
    public let text: String
    /// For services: the category id.
    public let category: String?
    /// The title of the page the document is on: results are grouped by page under it.
    public let pageTitle: String

    public init(kind: Kind, title: String, breadcrumb: [String], url: String, text: String, category: String? = nil, pageTitle: String? = nil) {
        self.kind = kind
        self.title = title
        self.breadcrumb = breadcrumb
        self.url = url
        self.text = text
        self.category = category
        self.pageTitle = pageTitle ?? title
    }

    /// The page's URL: `url` without its fragment.
    public var page: Substring { url.prefix { $0 != "#" } }

    /// What results are grouped by: the page, except for a glossary entry, which is a result of
    /// its own (a query's words found in two unrelated entries are not a match).
    public var resultGroup: Substring { kind == .term ? Substring(url) : page }

    public static func == (a: SearchDocument, b: SearchDocument) -> Bool {
        a === b || (a.kind == b.kind && a.title == b.title && a.breadcrumb == b.breadcrumb && a.url == b.url && a.text == b.text
                    && a.category == b.category && a.pageTitle == b.pageTitle)
    }
}
