/// One kind of content, described in one place: the files it reads and how (with every mistake
/// reported), the one value it is made of, the Markdown pages it adds to the Markdown stage, the
/// pages it renders, the search documents it adds, and where the home page and the site map link
/// to it. `ContentKinds.all` lists the kinds; the loader and the renderer iterate that list and
/// know no kind by name.
///
/// `Input` is the single source of truth for reuse: a watch rebuild reuses a kind's pages while
/// its input is equal (`==`), and `portal build` reuses them from the last output while the
/// input's fingerprint (derived from its `Codable` conformance) is the same. Neither is written
/// by hand, so a field added to the input cannot be forgotten by either.
protocol ContentKind: Sendable {
    associatedtype Input: Hashable & Codable & Sendable

    /// Stable and ASCII: the key of the kind's record in the build cache.
    var id: String { get }

    /// Reads and checks the kind's files (`context.content`); nil when the content has none of
    /// them. Warnings about the data (sample data, placeholders) are reported here, once per build.
    func load(_ context: inout LoadContext, log: inout DiagnosticLog) async -> Input?

    /// Whether what loaded is kept when loading reported errors: Markdown pages are (a broken
    /// page is left out on its own, and links to it are not reported again); a data file is not.
    var keepsLoadedWithErrors: Bool { get }

    /// Markdown pages that go through the Markdown stage with every other kind's: parsed, their
    /// headings made link targets, their links resolved against every page's. The renderer hands
    /// them back resolved (`KindSite.resolved`).
    func markdownPages(_ input: Input) -> [GuidancePage]

    /// The kind's pages (as render jobs), its search documents and what rendering reported.
    func render(_ input: Input, in site: KindSite) -> KindOutput

    /// Its pages as the home page and the site map link them.
    func links(_ input: Input) -> [KindLink]

    /// Whether its pages hold Markdown whose links are checked against the other pages (then
    /// they are rendered again when any page's headings or path change).
    var resolvesLinks: Bool { get }

    /// Groups of words search treats as one.
    func synonyms(_ input: Input) -> [[String]]

    /// Terms whose first use on a guidance page links to the kind's page.
    func terms(_ input: Input) -> [TermLink]

    /// Content paths that Markdown may link to, with the page and anchors they stand for.
    func linkTargets(_ input: Input) -> [String: LinkResolver.Target]

    /// The keys of `linkTargets`, known without the input: when the kind is left out for its
    /// mistakes, links to them are not reported again as broken.
    var linkSources: [String] { get }
}

extension ContentKind {
    var keepsLoadedWithErrors: Bool { false }
    func markdownPages(_ input: Input) -> [GuidancePage] { [] }
    var resolvesLinks: Bool { false }
    func synonyms(_ input: Input) -> [[String]] { [] }
    func terms(_ input: Input) -> [TermLink] { [] }
    func linkTargets(_ input: Input) -> [String: LinkResolver.Target] { [:] }
    var linkSources: [String] { [] }
}

/// What a kind's pages are rendered with: what every page shares, and every kind's Markdown pages
/// as the Markdown stage resolved them, by content path.
struct KindSite: Sendable {
    var context: PageContext
    var templates: TemplateSet
    var resolver: LinkResolver
    var config: SiteConfig
    var resolved: [String: MarkdownStage.Resolved] = [:]
}

extension KindSite {
    /// Markdown held in a data file (FAQ answers, glossary definitions), rendered like a page's,
    /// its links checked against every page; with its text for search.
    func markdown(_ items: [(text: String, line: Int, column: Int)], origin: LinkOrigin, log: inout DiagnosticLog) -> [(html: String, text: String)] {
        items.map {
            MarkdownStage.fragment($0.text, lineOffset: $0.line, columnOffset: $0.column, origin: origin, config: config, resolver: resolver, log: &log)
        }
    }
}

/// A kind's pages, documents and diagnostics.
struct KindOutput: Sendable {
    /// Pages made of the kind's whole input (with its Markdown pages as resolved, and for a kind
    /// that resolves links itself, what links resolve against): one render unit.
    var jobs: [RenderJob] = []
    /// Pages each made of less than the whole input (a guidance page: itself and its neighbours),
    /// each its own unit, reused or rendered on its own.
    var units: [KindUnit] = []
    /// Documents of the search index, in four places of its order: first (the Markdown pages'
    /// sections), with the site's own list pages (before the site map), after them, and last
    /// (the registry's rows, which the search page counts by category).
    var pages: [SearchDocument] = []
    var overview: [SearchDocument] = []
    var entries: [SearchDocument] = []
    var rows: [SearchDocument] = []
    var diagnostics: [Diagnostic] = []
}

/// A page of a kind rendered on its own: what it is made of, with which templates.
struct KindUnit: Sendable {
    enum Layout: Sendable { case page, shared }

    /// A content path (the build cache records the unit's files under it).
    var key: String
    var input: UnitInput
    /// `.page`: the guidance page's templates; `.shared`: those of every other kind's pages.
    var layout: Layout
    /// Where its one file goes.
    var path: SitePath
    var jobs: @Sendable () -> [RenderJob]
}

/// A link to a kind's page from the home page's quick links and from the site map.
struct KindLink: Sendable, Hashable, Codable {
    enum Section: Int, Sendable, Hashable, Codable, CaseIterable {
        case urgent, reference, reports, registry

        var title: String {
            switch self {
            case .urgent: "いざというとき"
            case .reference: "資料"
            case .reports: "レポート"
            case .registry: "基準適合サービス"
            }
        }
    }

    var path: SitePath
    /// As the site map lists it.
    var title: String
    var section: Section
    /// As the home page's quick links show it; nil when it is not one.
    var quickTitle: String?
    /// The page shows example data (`sample: true`): the links to it say so too, not only the
    /// page's banner, so that no one takes a count on the home page for the real list.
    var sample = false
}

/// A term that links to its entry where a guidance page first uses it.
struct TermLink: Sendable, Hashable, Codable {
    /// The words that count as a use (the term and its aliases).
    var words: [String]
    /// A content path and anchor Markdown could link to (`glossary.yml#term-…`).
    var target: String
}
