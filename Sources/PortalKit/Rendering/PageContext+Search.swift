/// The search results page and the site map (what search links to when JavaScript is off).
extension PageContext {
    static let searchPath = SitePath("search.html")
    static let sitemapPath = SitePath("sitemap.html")

    func searchPage() -> [String: Any] {
        base(at: Self.searchPath, title: "検索", description: "ポータル内の検索", breadcrumbs: [("ホーム", Self.homePath)])
    }

    func sitemap(_ site: LoadedSite) -> [String: Any] {
        let path = Self.sitemapPath
        var c = base(at: path, title: "サイトマップ", description: "ポータルのすべてのページ", breadcrumbs: [("ホーム", Self.homePath)])
        func link(_ title: String, _ target: SitePath, sample: Bool = false) -> [String: Any] {
            ["title": title, "href": path.relativeURL(to: target), "sample": sample]
        }
        var sections: [[String: Any]] = []
        // Guidance by group (site.yml's guidance_groups), each its own section of the map.
        // The pages' summaries are made only for a map in groups (a one-group map lists titles).
        let groups = pageGroups(site.pages)
        if groups.count <= 1 {
            sections.append(["title": "ガイダンス", "links": [link("ガイダンス一覧", Self.guidanceIndexPath)] + site.pages.map { link($0.title, $0.outputPath, sample: $0.sample) }])
        } else {
            sections.append(["title": "ガイダンス", "links": [link("ガイダンス一覧", Self.guidanceIndexPath)]])
            for group in groups {
                sections.append(["title": "ガイダンス：\(group.title)", "links": group.pages.map { pageSummary($0, from: path) }])
            }
        }
        // Each kind's pages by section (the incident sheet leads what matters in an emergency).
        let links = site.kinds.flatMap(\.links)
        for section in KindLink.Section.allCases {
            let items = links.filter { $0.section == section }.map { link($0.title, $0.path, sample: $0.sample) }
            if !items.isEmpty { sections.append(["title": section.title, "links": items]) }
        }
        c["sections"] = sections
        return c
    }
}
