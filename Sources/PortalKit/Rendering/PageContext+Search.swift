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
        func link(_ title: String, _ target: SitePath) -> [String: Any] { ["title": title, "href": path.relativeURL(to: target)] }
        var sections: [[String: Any]] = []
        sections.append(["title": "ガイダンス", "links": [link("ガイダンス一覧", Self.guidanceIndexPath)] + site.pages.map { link($0.title, $0.outputPath) }])
        var more: [[String: Any]] = []
        if let incident = site.incident { more.append(link(incident.title, incident.outputPath)) }
        if site.contacts != nil { more.append(link("連絡先", Self.contactsPath)) }
        if site.faq != nil { more.append(link("よくある質問", Self.faqPath)) }
        if !more.isEmpty { sections.append(["title": "いざというとき", "links": more]) }
        var reports: [[String: Any]] = []
        if site.risk != nil { reports.append(link("リスク評価", ReportPages.riskPath)) }
        if site.maturity != nil { reports.append(link("重要10項目の成熟度", ReportPages.maturityPath)) }
        if !reports.isEmpty { sections.append(["title": "レポート", "links": reports]) }
        if let registry = site.registry {
            sections.append(["title": "基準適合サービス", "links": [link("一覧と絞り込み", RegistryPages.indexPath)]
                + registry.categories.map { link($0.name, RegistryPages.categoryPath($0.id)) }])
        }
        c["sections"] = sections
        return c
    }
}
