import PortalMarkdown

/// The values a template sees. Built per page as plain dictionaries: swift-mustache reads
/// them directly, and every string in them is escaped by `{{ }}` unless the key ends in `HTML`.
struct PageContext {
    let config: SiteConfig
    let navigation: [SiteConfig.NavigationItem]

    static let homePath = SitePath("index.html")
    static let guidanceIndexPath = SitePath("guidance/index.html")

    func base(at path: SitePath, title: String?, description: String, breadcrumbs: [(String, SitePath)]) -> [String: Any] {
        let nav: [[String: Any]] = navigation.map { item in
            ["title": item.title, "href": path.relativeURL(to: item.path), "current": item.path == path]
        }
        let crumbs: [[String: Any]] = breadcrumbs.map { ["title": $0.0, "href": path.relativeURL(to: $0.1)] }
        return [
            "site": ["title": config.title, "description": config.description, "language": config.language],
            "title": title ?? config.title,
            "documentTitle": title.map { "\($0) | \(config.title)" } ?? config.title,
            "description": description.isEmpty ? config.description : description,
            "root": path.rootPrefix,
            "homeHref": path.relativeURL(to: Self.homePath),
            "nav": nav,
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": !crumbs.isEmpty,
            "contentSecurityPolicy": ContentSecurityPolicy.policy(for: config),
        ]
    }

    func guidance(_ rendered: RenderedPage, neighbours: PageNeighbours = PageNeighbours()) -> [String: Any] {
        let page = rendered.page
        var context = base(at: page.outputPath, title: page.title, description: page.summary,
                           breadcrumbs: [("ホーム", Self.homePath), ("ガイダンス", Self.guidanceIndexPath)])
        if page.kind == .guidance { context.merge(groupNavigation(from: page.outputPath, current: neighbours.group)) { _, new in new } }
        // The group's crumb leads to its section of the guidance list.
        if let group = neighbours.group, let index = neighbours.groupIndex {
            var items = context["breadcrumbs"] as? [[String: Any]] ?? []
            items.append(["title": group, "href": page.outputPath.relativeURL(to: Self.guidanceIndexPath, fragment: PageNeighbours.anchor(ofGroup: index))])
            context["breadcrumbs"] = items
        }
        func link(_ l: PageNeighbours.Link?) -> [String: Any]? { l.map { ["title": $0.title, "href": page.outputPath.relativeURL(to: $0.path)] } }
        if neighbours.previous != nil || neighbours.next != nil {
            var pager: [String: Any] = ["label": (neighbours.group.map { "「\($0)」の" } ?? "") + "前後のページ"]
            pager["previous"] = link(neighbours.previous)
            pager["next"] = link(neighbours.next)
            context["pager"] = pager
        }
        let toc = TableOfContents.entries(rendered.headings)
        context["page"] = [
            "title": page.title,
            "summary": page.summary,
            "updated": page.updated.description,
            "updatedLabel": page.updated.japanese,
            "contentHTML": rendered.contentHTML,
            "toc": toc.map(\.templateValue),
            "tocHTML": TableOfContents.html(toc),
            "hasTOC": !toc.isEmpty,
            "sources": page.sources.map { ["title": $0.title, "href": $0.url] },
            "hasSources": !page.sources.isEmpty,
            "tags": page.tags,
            // The editors' own data (front matter extra:), e.g. {{page.extra.owner}}.
            "extra": page.extra?.templateValue ?? [String: Any](),
        ] as [String: Any]
        if page.sample { context["sampleNotice"] = SampleData.pageNotice }
        return context
    }

    func pageSummary(_ page: GuidancePage, from path: SitePath) -> [String: Any] {
        ["title": page.title, "summary": page.summary, "href": path.relativeURL(to: page.outputPath),
         "updated": page.updated.description, "updatedLabel": page.updated.japanese, "sample": page.sample]
    }

    func home(_ pages: [GuidancePage], site: LoadedSite) -> [String: Any] {
        var context = base(at: Self.homePath, title: nil, description: config.description, breadcrumbs: [])
        let links = site.kinds.flatMap(\.links)
        if links.contains(where: { $0.path == Self.incidentPath }) { context["incidentHref"] = Self.homePath.relativeURL(to: Self.incidentPath) }
        if links.contains(where: { $0.path == Self.contactsPath }) { context["contactsHref"] = Self.homePath.relativeURL(to: Self.contactsPath) }
        context["quickLinks"] = links.compactMap { link in
            link.quickTitle.map { ["title": $0, "href": Self.homePath.relativeURL(to: link.path), "sample": link.sample] }
        }
        context["hasQuickLinks"] = links.contains { $0.quickTitle != nil }
        context["sections"] = groupedPages(pages, from: Self.homePath)
        let latest = pages.sorted { ($0.updated, $1.title) > ($1.updated, $0.title) }.prefix(5)
        context["latest"] = latest.map { pageSummary($0, from: Self.homePath) }
        context["guidanceHref"] = Self.homePath.relativeURL(to: Self.guidanceIndexPath)
        return context
    }

    /// The pages in sections by group (site.yml's `guidance_groups`, in its order), then the pages
    /// in none (untitled when there are no groups at all).
    func groupedPages(_ pages: [GuidancePage], from path: SitePath) -> [[String: Any]] {
        pageGroups(pages).map { ["title": $0.title, "anchor": $0.anchor, "pages": $0.pages.map { pageSummary($0, from: path) }] }
    }

    /// The sections of `groupedPages`, before each page is made a summary.
    func pageGroups(_ pages: [GuidancePage]) -> [(title: String, anchor: String, pages: [GuidancePage])] {
        var groups: [(title: String, anchor: String, pages: [GuidancePage])] = []
        for (i, group) in config.guidanceGroups.enumerated() {
            let members = pages.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            groups.append((group, PageNeighbours.anchor(ofGroup: i), members))
        }
        let rest = pages.filter { page in page.group.map { !config.guidanceGroups.contains($0) } ?? true }
        if !rest.isEmpty {
            groups.append((groups.isEmpty ? "" : "その他", "group-other", rest))
        }
        return groups
    }

    /// The groups as a second row of navigation on the guidance list and pages: each leads to its
    /// section of the list; the page's own group is marked.
    func groupNavigation(from path: SitePath, current: String?) -> [String: Any] {
        let items: [[String: Any]] = config.guidanceGroups.enumerated().map { i, group in
            ["title": group, "href": path.relativeURL(to: Self.guidanceIndexPath, fragment: PageNeighbours.anchor(ofGroup: i)), "current": group == current]
        }
        return ["groupNav": items, "hasGroupNav": !items.isEmpty]
    }

    /// The guidance list, in sections by group.
    func guidanceIndex(_ pages: [GuidancePage]) -> [String: Any] {
        var context = base(at: Self.guidanceIndexPath, title: "ガイダンス", description: "", breadcrumbs: [("ホーム", Self.homePath)])
        context.merge(groupNavigation(from: Self.guidanceIndexPath, current: nil)) { _, new in new }
        context["sections"] = groupedPages(pages, from: Self.guidanceIndexPath)
        return context
    }
}
