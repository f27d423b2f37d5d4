import PortalMarkdown

/// What one render produced that the next render of the same site (watch, serve) can reuse:
/// the Markdown stage's pages (parsed, and resolved against the link targets below), and every
/// unit's files with what it was made of. Reuse is decided by comparing inputs, never by trusting a change
/// list: a wrong guess can cost time, not a stale page.
struct RenderMemo: Sendable {
    var parseSettings = ParseSettings(allowRawHTML: false, terms: [])
    /// What links resolved against.
    var links: LinkTargets?
    /// By content path; each holds the page's parse too.
    var resolved: [String: MarkdownStage.Resolved] = [:]
    var units = UnitMemo()
}

/// What the home page, the guidance list and the site map show.
struct SiteListing: Sendable, Hashable, Codable {
    struct Page: Sendable, Hashable, Codable {
        var title: String
        var summary: String
        var updated: LocalDate
        var outputPath: SitePath
        var group: String?
        var sample: Bool
    }

    var pages: [Page] = []
    /// Every kind's pages, as the home page and the site map link them.
    var links: [KindLink] = []

    init() {}

    init(_ site: LoadedSite) {
        func listed(_ p: GuidancePage) -> Page { Page(title: p.title, summary: p.summary, updated: p.updated, outputPath: p.outputPath, group: p.group, sample: p.sample) }
        pages = site.pages.map(listed)
        links = site.kinds.flatMap(\.links)
    }
}
