/// Everything read from the content folder, checked and typed: the input of rendering.
public struct LoadedSite: Sendable {
    public var config: SiteConfig
    /// In reading order: `order`, then title.
    public var pages: [GuidancePage]
    /// The certified-services registry, when the content has one.
    public var registry: Registry?
    /// The printable first-response sheet (`incident.md`), when present.
    public var incident: GuidancePage?
    /// `contacts.yml` and `faq.yml`, when present.
    public var contacts: [ContactGroup]?
    public var faq: FAQDocument?
    /// Images and files under guidance/ and files/, copied as they are.
    public var attachments: [Attachment] = []
    /// `reports/risk.yml` and `reports/maturity.yml`, when present.
    public var risk: RiskAssessment?
    public var maturity: MaturityReport?
    /// `search/synonyms.yml`: words a search treats as one (empty when the file is absent).
    public var synonyms = SynonymTable()
}

/// One file of the finished portal.
public struct OutputFile: Sendable, Equatable {
    public var path: SitePath
    public var body: FileBody

    /// All of its bytes in one buffer.
    public var bytes: [UInt8] { body.joined }

    public init(path: SitePath, bytes: [UInt8]) {
        self.path = path
        self.body = .bytes(bytes)
    }

    public init(path: SitePath, pieces: [[UInt8]]) {
        self.path = path
        self.body = .pieces(pieces)
    }

    public init(path: SitePath, body: FileBody) {
        self.path = path
        self.body = body
    }

    public init(path: SitePath, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
