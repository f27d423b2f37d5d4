/// `guidance/**/*.md` → one page each, in site.yml's groups, then by `order:` and title.
/// Each page is its own render unit (made of itself, resolved, and its group's previous and
/// next page), its sections search documents; the guidance list and the site map are the
/// site's own pages (`SiteListing`).
struct GuidanceKind: ContentKind {
    let id = "guidance"
    static let folder = "guidance"
    var keepsLoadedWithErrors: Bool { true }

    func load(_ context: inout LoadContext, log: inout DiagnosticLog) async -> GuidancePages? {
        let files = context.files(in: Self.folder, log: &log).filter { $0.lowercased().hasSuffix(".md") }
        var pages = await context.markdownPages(files, kind: .guidance, listed: true, log: &log)
        Self.reportDuplicateSlugs(pages, log: &log)
        // Pages in their group's place (site.yml's guidance_groups), then by order and title;
        // each page's place among the groups looked up once, not at every comparison.
        let known = context.config.guidanceGroups
        let groupRank = Dictionary(known.enumerated().map { ($1, $0) }) { a, _ in a }
        var keyed: [(group: Int, order: Int, page: GuidancePage)] = []
        keyed.reserveCapacity(pages.count)
        for page in pages {
            if let group = page.group, groupRank[group] == nil, context.configIsRead, !context.config.guidanceGroupsUnreadable {
                log.add(.error(.validate, path: page.displayPath, line: 1, column: 1,
                               .unknownGroup(group, near: Suggestion.closest(to: group, in: known), known: known)))
            }
            keyed.append((page.group.flatMap { groupRank[$0] } ?? Int.max, page.order ?? Int.max, page))
        }
        // Titles compare by code point (their UTF-8 bytes): the same order as String's for the
        // NFC text YAML gives, without its Unicode machinery on every comparison.
        keyed.sort { a, b in
            if a.group != b.group { return a.group < b.group }
            if a.order != b.order { return a.order < b.order }
            if a.page.title != b.page.title { return a.page.title.precedesByCodePoint(b.page.title) }
            return a.page.contentPath.precedesByCodePoint(b.page.contentPath)
        }
        pages = keyed.map(\.page)
        for page in pages where page.sample { log.add(SampleData.warning(page.displayPath)) }
        return GuidancePages(pages: pages)
    }

    func markdownPages(_ input: GuidancePages) -> [GuidancePage] { input.pages }

    func render(_ input: GuidancePages, in site: KindSite) -> KindOutput {
        var out = KindOutput()
        out.units.reserveCapacity(input.pages.count)
        out.pages.reserveCapacity(input.pages.count * 4)
        // What every page's job needs, captured by each as one reference.
        let shared = SharedRender(context: site.context, templates: site.templates)
        let neighbours = PageNeighbours.of(input.pages, groups: site.config.guidanceGroups)
        for (page, around) in zip(input.pages, neighbours) {
            // A page whose parse failed has been reported and is not rendered.
            guard let resolved = site.resolved[page.contentPath] else { continue }
            out.units.append(KindUnit(key: page.contentPath, input: UnitInput(PageInputs(page: resolved, neighbours: around)),
                                      layout: .page, path: page.outputPath) {
                let rendered = resolved.page
                return [shared.templates.job(rendered.page.outputPath, "page") { shared.context.guidance(rendered, neighbours: around) }]
            })
            out.pages += resolved.documents
        }
        return out
    }

    /// The guidance list and the site map list the pages themselves (`SiteListing`), by group.
    func links(_ input: GuidancePages) -> [KindLink] { [] }

    /// `pages` in the order of their files (the listing is sorted), so "first" is the earlier path.
    private static func reportDuplicateSlugs(_ pages: [GuidancePage], log: inout DiagnosticLog) {
        var first: [Slug: String] = [:]
        first.reserveCapacity(pages.count)
        for page in pages {
            if page.slug.value == "index" {
                log.add(.error(.validate, path: page.displayPath, line: 1, column: 1, .indexSlug))
            }
            if let earlier = first[page.slug] {
                log.add(.error(.validate, path: page.displayPath, line: 1, column: 1,
                               .duplicateSlug(page.slug.value, earlier: earlier)))
            } else {
                first[page.slug] = page.displayPath
            }
        }
    }
}

/// The guidance pages as loaded, in reading order.
struct GuidancePages: Sendable, Hashable, Codable {
    var pages: [GuidancePage]
}

/// What a guidance page is rendered from besides its layout: the page as resolved (compared by
/// identity first: an unchanged page is the same object from render to render), and its group's
/// previous and next page, which it links to.
struct PageInputs: Sendable, Hashable, Encodable {
    var page: MarkdownStage.Resolved
    var neighbours: PageNeighbours
}

private final class SharedRender: Sendable {
    let context: PageContext
    let templates: TemplateSet

    init(context: PageContext, templates: TemplateSet) {
        self.context = context
        self.templates = templates
    }
}
