/// Everything read from the content folder, checked and typed: the input of rendering.
public struct LoadedSite: Sendable {
    public var config: SiteConfig
    /// Every kind the content has, in the order of `ContentKinds.all`.
    var kinds: [LoadedKind] = []
    /// Images and files under guidance/ and files/, copied as they are.
    public var attachments: [Attachment] = []
    /// `search/synonyms.yml` and the kinds' groups: words a search treats as one.
    public var synonyms = SynonymTable()
    /// What the content has but could not load (its mistakes already reported): Markdown pages
    /// by content path, and kinds by id. The build goes on to find every other mistake of the
    /// run, but reports nothing that only follows from these (a link to a page that failed).
    var unloadedPages: Set<String> = []
    var unloadedKinds: Set<String> = []

    /// The input of the kind of this type, when the content has it.
    func input<K: ContentKind>(of kind: K.Type) -> K.Input? {
        kinds.lazy.compactMap { $0.input(as: K.Input.self) }.first
    }

    /// The guidance pages in reading order: `order`, then title.
    public var pages: [GuidancePage] { input(of: GuidanceKind.self)?.pages ?? [] }
    /// The printable first-response sheet (`incident.md`), when present.
    public var incident: GuidancePage? { input(of: IncidentKind.self)?.page }
    /// The service registry, the contact groups, the FAQ and the reports, when present.
    public var registry: Registry? { input(of: RegistryKind.self) }
    public var contacts: [ContactGroup]? { input(of: ContactsKind.self) }
    public var faq: FAQDocument? { input(of: FAQKind.self) }
    public var risk: RiskAssessment? { input(of: RiskKind.self) }
    public var maturity: MaturityReport? { input(of: MaturityKind.self) }
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
