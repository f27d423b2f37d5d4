import PortalMarkdown

/// What one render produced, by the inputs it came from, so the next render of the same site
/// (watch, serve) redoes only what changed. Reuse is decided by comparing inputs for equality,
/// never by trusting a change list: a wrong guess can cost time, not a stale page.
struct RenderMemo: Sendable {
    /// The layouts: the template texts of each group of pages (guidance, lists, the rest), and
    /// site.yml (navigation, title, options), which every page shares.
    var pageLayout: [String: String]
    var listLayout: [String: String]
    var restLayout: [String: String]
    var config: SiteConfig
    /// Every page's output path and heading ids, and the attachments: what links resolve against.
    var targets: [String: LinkResolver.Target] = [:]
    var attachments: [Attachment] = []
    /// By content path; each holds the page's parse too.
    var resolved: [String: MarkdownStage.Resolved] = [:]
    var pageFiles: [String: OutputFile] = [:]
    var listing = SiteListing()
    var listFiles: [OutputFile] = []
    var rest = RestInputs()
    var restFiles: [OutputFile] = []
    var faqText: [String] = []
    var faqDiagnostics: [Diagnostic] = []
}

/// What the home page, the guidance list and the site map show.
struct SiteListing: Sendable, Equatable {
    struct Page: Sendable, Equatable {
        var title: String
        var summary: String
        var updated: LocalDate
        var outputPath: SitePath
    }

    var pages: [Page] = []
    var incident: Page?
    var hasContacts = false
    var hasFAQ = false
    var hasRisk = false
    var hasMaturity = false
    var registryCategories: [String] = []
    var registryCount: Int?

    init() {}

    init(_ site: LoadedSite) {
        func listed(_ p: GuidancePage) -> Page { Page(title: p.title, summary: p.summary, updated: p.updated, outputPath: p.outputPath) }
        pages = site.pages.map(listed)
        incident = site.incident.map(listed)
        hasContacts = site.contacts != nil
        hasFAQ = site.faq != nil
        hasRisk = site.risk != nil
        hasMaturity = site.maturity != nil
        registryCategories = site.registry?.categories.flatMap { [$0.id, $0.name, $0.label] } ?? []
        registryCount = site.registry?.services.count
    }
}

/// What the pages other than guidance and lists are made of.
struct RestInputs: Sendable, Equatable {
    var registry: Registry?
    var contacts: [ContactGroup]?
    var faq: FAQDocument?
    var risk: RiskAssessment?
    var maturity: MaturityReport?
    var incident: RenderedPage?

    init() {}

    init(_ site: LoadedSite, incident: RenderedPage?) {
        registry = site.registry
        contacts = site.contacts
        faq = site.faq
        risk = site.risk
        maturity = site.maturity
        self.incident = incident
    }
}
