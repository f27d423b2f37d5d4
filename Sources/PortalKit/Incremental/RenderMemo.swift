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
    var parseSettings = ParseSettings(allowRawHTML: false, terms: [])
    /// Every page's output path and heading ids, and the attachments: what links resolve against.
    var targets: [String: LinkResolver.Target] = [:]
    var attachments: [Attachment] = []
    /// By content path; each holds the page's parse too.
    var resolved: [String: MarkdownStage.Resolved] = [:]
    var pageFiles: [String: OutputFile] = [:]
    /// Each guidance page's place in its group, by content path.
    var neighbours: [String: PageNeighbours] = [:]
    var listing = SiteListing()
    var listFiles: [OutputFile] = []
    var sheet = SheetInputs()
    var restFiles: [OutputFile] = []
    /// By kind id.
    var kinds: [String: KindMemo] = [:]
}

/// What a kind rendered: its files, documents and diagnostics, kept with the input they came from.
struct KindMemo: Sendable {
    var kind: LoadedKind
    var files: [OutputFile]
    /// Its jobs already run (or kept): only the documents and diagnostics.
    var output: KindOutput
}

/// What the home page, the guidance list and the site map show.
struct SiteListing: Sendable, Hashable, Codable {
    struct Page: Sendable, Hashable, Codable {
        var title: String
        var summary: String
        var updated: LocalDate
        var outputPath: SitePath
        var group: String?
    }

    var pages: [Page] = []
    var incident: Page?
    /// Every other kind's pages, as the home page and the site map link them.
    var links: [KindLink] = []

    init() {}

    init(_ site: LoadedSite) {
        func listed(_ p: GuidancePage) -> Page { Page(title: p.title, summary: p.summary, updated: p.updated, outputPath: p.outputPath, group: p.group) }
        pages = site.pages.map(listed)
        incident = site.incident.map(listed)
        links = site.kinds.flatMap(\.links)
    }
}

/// What the search page and the incident sheet are made of (besides site.yml and templates).
struct SheetInputs: Sendable, Equatable {
    var incident: RenderedPage?
    /// The contact groups the sheet prints from.
    var contacts: [ContactGroup]?
}
