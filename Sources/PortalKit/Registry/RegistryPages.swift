/// The registry's pages: the list with its summary and filter panel, one page per category,
/// `services.json` for other tools and the data script the filter reads.
import PortalMarkdown

struct RegistryPages {
    static let indexPath = SitePath("services/index.html")
    static let jsonPath = SitePath("services.json")
    static let dataScriptPath = SitePath("services/services-data.js")

    /// A browser lays out a static table of tens of thousands of rows for minutes, so the static
    /// lists (what JavaScript-off readers get) are split into pages of this many rows. The
    /// sample registry fits on one.
    static let pageSize = 1000

    static func categoryPath(_ id: String, page: Int = 1) -> SitePath {
        SitePath(page == 1 ? "services/\(id).html" : "services/\(id)-\(page).html")
    }

    static func listPath(page: Int) -> SitePath {
        page == 1 ? indexPath : SitePath("services/list-\(page).html")
    }

    /// Where each service's row is: its category's page that holds it (search results link there).
    static func rowPages(_ registry: Registry) -> [String: SitePath] {
        var position: [String: Int] = [:]
        var out: [String: SitePath] = [:]
        for s in registry.services {
            let index = position[s.categoryID, default: 0]
            position[s.categoryID] = index + 1
            out[s.id] = categoryPath(s.categoryID, page: index / pageSize + 1)
        }
        return out
    }
    /// Service ids are checked to be unique but may hold any text: the anchor is derived safely.
    static func rowAnchor(_ id: String) -> String { "service-" + HeadingID.slug(id) }

    let registry: Registry
    let context: PageContext

    /// One job per file, so a large registry's pages render on every core.
    func jobs(templates: TemplateSet) -> [RenderJob] {
        let counts = RegistryCounts(registry)
        let pages = Self.chunks(registry.services)
        let me = self
        let render = templates.job
        var jobs: [RenderJob] = [render(Self.indexPath, "services") { me.indexContext(counts, firstPage: pages[0], pageCount: pages.count) }]
        for (i, chunk) in pages.enumerated().dropFirst() {
            jobs.append(render(Self.listPath(page: i + 1), "service-list") { me.listContext(chunk, page: i + 1, pageCount: pages.count) })
        }
        for row in counts.rows {
            let categoryPages = Self.chunks(registry.services(in: row.category.id))
            for (i, chunk) in categoryPages.enumerated() {
                jobs.append(render(Self.categoryPath(row.category.id, page: i + 1), "service-category") {
                    me.categoryContext(row, services: chunk, page: i + 1, pageCount: categoryPages.count)
                })
            }
        }
        let registry = self.registry
        jobs.append { .success([OutputFile(path: Self.jsonPath, bytes: RegistryJSON.json(registry))]) }
        jobs.append { .success([OutputFile(path: Self.dataScriptPath, bytes: RegistryPageData.script(registry))]) }
        return jobs
    }

    static func chunks(_ services: [Service]) -> [ArraySlice<Service>] {
        guard !services.isEmpty else { return [services[...]] }
        return stride(from: 0, to: services.count, by: pageSize).map { services[$0..<min($0 + pageSize, services.count)] }
    }

    /// 前へ・次へ and the page numbers, for lists longer than one page.
    private func pagination(page: Int, pageCount: Int, from path: SitePath, pathOf: (Int) -> SitePath) -> [String: Any] {
        guard pageCount > 1 else { return ["hasPages": false] }
        return [
            "hasPages": true,
            "pages": (1...pageCount).map { ["number": $0, "href": path.relativeURL(to: pathOf($0)), "current": $0 == page] as [String: Any] },
            "previousHref": page > 1 ? path.relativeURL(to: pathOf(page - 1)) : "",
            "nextHref": page < pageCount ? path.relativeURL(to: pathOf(page + 1)) : "",
        ]
    }

    private func rangeLabel(_ slice: ArraySlice<Service>, total: Int) -> String {
        slice.count == total ? "\(total)件" : "\(total)件中 \(slice.startIndex + 1)〜\(slice.endIndex)件目"
    }

    private func rows(_ services: ArraySlice<Service>, from path: SitePath) -> [[String: Any]] {
        let labels = Dictionary(uniqueKeysWithValues: registry.categories.map { ($0.id, $0.label) })
        return services.map { s in
            [
                "id": s.id, "anchor": Self.rowAnchor(s.id), "name": s.name, "provider": s.provider, "summary": s.summary,
                "url": s.url, "hasURL": !s.url.isEmpty,
                "category": s.categoryID, "categoryLabel": labels[s.categoryID] ?? s.categoryID,
                "categoryHref": path.relativeURL(to: Self.categoryPath(s.categoryID)),
                "pentest": s.pentest == true ? "あり" : (s.pentest == false ? "なし" : "—"),
                "registeredOn": s.registeredOn.description, "registeredLabel": s.registeredOn.japanese,
                "registrar": s.registrar,
            ] as [String: Any]
        }
    }

    private func countRows(_ counts: RegistryCounts, from path: SitePath) -> [[String: Any]] {
        counts.rows.map { row in
            [
                "id": row.category.id, "name": row.category.name, "label": row.category.label,
                "description": row.category.description, "count": row.count,
                "pentest": row.pentest.map(String.init) ?? "—", "hasPentest": row.pentest != nil,
                "href": path.relativeURL(to: Self.categoryPath(row.category.id)),
            ] as [String: Any]
        }
    }

    /// Where the list came from and as of when (`registry-source` partial), on every page of it:
    /// a category page is often the one a reader lands on or prints. For sample data it is what
    /// the sample was made from, not the source of its rows.
    private var source: [String: Any] {
        [
            "href": context.config.registrySourceURL ?? "",
            "asOf": context.config.registryAsOf.flatMap(SampleData.asOfLabel) ?? "",
            "sample": registry.sample,
        ]
    }

    func indexContext(_ counts: RegistryCounts, firstPage: ArraySlice<Service>, pageCount: Int) -> [String: Any] {
        let path = Self.indexPath
        var c = context.base(at: path, title: "基準適合サービス一覧", description: "情報セキュリティサービス基準に適合したサービスの一覧と絞り込み",
                             breadcrumbs: [("ホーム", PageContext.homePath)])
        if registry.sample { c["sampleNotice"] = SampleData.registryNotice }
        c["source"] = source
        c["registry"] = [
            "total": counts.total,
            "pentestTotal": counts.rows.compactMap(\.pentest).reduce(0, +),
            "counts": countRows(counts, from: path),
            "chartHTML": RegistryChart.svg(counts),
            "services": rows(firstPage, from: path),
            "pagination": pagination(page: 1, pageCount: pageCount, from: path, pathOf: Self.listPath),
            "categories": countRows(counts, from: path),
            "dataScript": path.relativeURL(to: Self.dataScriptPath),
            "jsonHref": path.relativeURL(to: Self.jsonPath),
            "tableTitleID": "services-caption",
            "tableCaption": "すべてのサービス（\(rangeLabel(firstPage, total: counts.total))）",
        ] as [String: Any]
        c["scripts"] = [["src": path.relativeURL(to: Self.dataScriptPath)], ["src": path.relativeURL(to: SitePath("assets/registry.js"))]]
        return c
    }

    func listContext(_ services: ArraySlice<Service>, page: Int, pageCount: Int) -> [String: Any] {
        let path = Self.listPath(page: page)
        var c = context.base(at: path, title: "基準適合サービス一覧（\(page)ページ目）", description: "",
                             breadcrumbs: [("ホーム", PageContext.homePath), ("基準適合サービス", Self.indexPath)])
        if registry.sample { c["sampleNotice"] = SampleData.registryNotice }
        c["source"] = source
        c["list"] = [
            "services": rows(services, from: path),
            "pagination": pagination(page: page, pageCount: pageCount, from: path, pathOf: Self.listPath),
            "tableTitleID": "services-caption",
            "tableCaption": "すべてのサービス（\(rangeLabel(services, total: registry.services.count))）",
            "indexHref": path.relativeURL(to: Self.indexPath),
        ] as [String: Any]
        return c
    }

    func categoryContext(_ row: RegistryCounts.Row, services: ArraySlice<Service>, page: Int, pageCount: Int) -> [String: Any] {
        let path = Self.categoryPath(row.category.id, page: page)
        var c = context.base(at: path, title: row.category.name, description: row.category.description,
                             breadcrumbs: [("ホーム", PageContext.homePath), ("基準適合サービス", Self.indexPath)])
        if registry.sample { c["sampleNotice"] = SampleData.registryNotice }
        c["source"] = source
        c["category"] = [
            "id": row.category.id, "name": row.category.name, "label": row.category.label,
            "description": row.category.description, "count": row.count,
            "pentest": row.pentest.map(String.init) ?? "", "hasPentest": row.pentest != nil,
            "services": rows(services, from: path),
            "pagination": pagination(page: page, pageCount: pageCount, from: path) { Self.categoryPath(row.category.id, page: $0) },
            "indexHref": path.relativeURL(to: Self.indexPath),
            "tableTitleID": "services-caption",
            "tableCaption": "\(row.category.name)（\(rangeLabel(services, total: row.count))）",
        ] as [String: Any]
        return c
    }
}
