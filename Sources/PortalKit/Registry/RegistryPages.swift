/// The registry's pages: the list with its summary and filter panel, one page per category,
/// `services.json` for other tools and the data script the filter reads.
import PortalMarkdown

struct RegistryPages {
    static let indexPath = SitePath("services/index.html")
    static let jsonPath = SitePath("services.json")
    static let dataScriptPath = SitePath("services/services-data.js")

    static func categoryPath(_ id: String) -> SitePath { SitePath("services/\(id).html") }
    /// Service ids are checked to be unique but may hold any text: the anchor is derived safely.
    static func rowAnchor(_ id: String) -> String { "service-" + HeadingID.slug(id) }

    let registry: Registry
    let context: PageContext

    func files(templates: TemplateSet) throws(TemplateError) -> [OutputFile] {
        var files: [OutputFile] = []
        let counts = RegistryCounts(registry)
        files.append(OutputFile(path: Self.indexPath, text: try templates.render(indexContext(counts), with: "services")))
        for row in counts.rows {
            let path = Self.categoryPath(row.category.id)
            files.append(OutputFile(path: path, text: try templates.render(categoryContext(row), with: "service-category")))
        }
        files.append(OutputFile(path: Self.jsonPath, bytes: RegistryJSON.json(registry)))
        files.append(OutputFile(path: Self.dataScriptPath, bytes: RegistryPageData.script(registry)))
        return files
    }

    private func rows(_ services: [Service], from path: SitePath) -> [[String: Any]] {
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

    func indexContext(_ counts: RegistryCounts) -> [String: Any] {
        let path = Self.indexPath
        var c = context.base(at: path, title: "認定セキュリティサービス一覧", description: "情報セキュリティサービス基準に適合したサービスの一覧と絞り込み",
                             breadcrumbs: [("ホーム", PageContext.homePath)])
        c["registry"] = [
            "total": counts.total,
            "pentestTotal": counts.rows.compactMap(\.pentest).reduce(0, +),
            "counts": countRows(counts, from: path),
            "chartHTML": RegistryChart.svg(counts),
            "services": rows(registry.services, from: path),
            "categories": countRows(counts, from: path),
            "dataScript": path.relativeURL(to: Self.dataScriptPath),
            "jsonHref": path.relativeURL(to: Self.jsonPath),
            "tableTitleID": "services-caption",
            "tableCaption": "すべてのサービス（\(counts.total)件）",
        ] as [String: Any]
        c["scripts"] = [["src": path.relativeURL(to: Self.dataScriptPath)], ["src": path.relativeURL(to: SitePath("assets/registry.js"))]]
        return c
    }

    func categoryContext(_ row: RegistryCounts.Row) -> [String: Any] {
        let path = Self.categoryPath(row.category.id)
        var c = context.base(at: path, title: row.category.name, description: row.category.description,
                             breadcrumbs: [("ホーム", PageContext.homePath), ("認定セキュリティサービス", Self.indexPath)])
        c["category"] = [
            "id": row.category.id, "name": row.category.name, "label": row.category.label,
            "description": row.category.description, "count": row.count,
            "pentest": row.pentest.map(String.init) ?? "", "hasPentest": row.pentest != nil,
            "services": rows(registry.services(in: row.category.id), from: path),
            "indexHref": path.relativeURL(to: Self.indexPath),
            "tableTitleID": "services-caption",
            "tableCaption": "\(row.category.name)（\(row.count)件）",
        ] as [String: Any]
        return c
    }
}
