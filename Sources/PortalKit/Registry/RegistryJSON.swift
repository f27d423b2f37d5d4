/// `output/services.json`, for other tools (schema in the README): keys sorted, one service per
/// line, `null` written out where a category has no penetration-testing option.
enum RegistryJSON {
    static func json(_ registry: Registry, services: [Service]? = nil) -> [UInt8] {
        let counts = RegistryCounts(registry)
        let names = Dictionary(uniqueKeysWithValues: registry.categories.map { ($0.id, $0.name) })
        let list = services ?? registry.services
        var w = JSONWriter(capacity: list.count * 400 + 4096)
        w.raw("{\n")
        w.key("categories"); w.raw("[\n")
        for (i, row) in counts.rows.enumerated() {
            if i > 0 { w.raw(",\n") }
            let c = row.category
            w.raw("{")
            w.key("count"); w.int(row.count); w.comma()
            w.key("description"); w.string(c.description); w.comma()
            w.key("id"); w.string(c.id); w.comma()
            w.key("label"); w.string(c.label); w.comma()
            w.key("name"); w.string(c.name); w.comma()
            w.key("pentest_count"); if let p = row.pentest { w.int(p) } else { w.raw("null") }; w.comma()
            w.key("pentest_option"); w.bool(c.pentestOption)
            w.raw("}")
        }
        w.raw("\n],\n")
        w.key("services"); w.raw("[\n")
        for (i, s) in list.enumerated() {
            if i > 0 { w.raw(",\n") }
            entry(s, categoryName: names[s.categoryID] ?? "", into: &w)
        }
        w.raw("\n],\n")
        w.key("total"); w.int(list.count); w.raw(",\n")
        w.key("version"); w.int(1)
        w.raw("\n}\n")
        return w.bytes
    }

    static func entry(_ s: Service, categoryName: String, into w: inout JSONWriter) {
        w.raw("{")
        w.key("category"); w.string(s.categoryID); w.comma()
        w.key("category_name"); w.string(categoryName); w.comma()
        w.key("id"); w.string(s.id); w.comma()
        w.key("name"); w.string(s.name); w.comma()
        w.key("pentest"); w.bool(s.pentest); w.comma()
        w.key("provider"); w.string(s.provider); w.comma()
        w.key("registered_on"); w.string(s.registeredOn.description); w.comma()
        w.key("registrar"); w.string(s.registrar); w.comma()
        w.key("summary"); w.string(s.summary); w.comma()
        w.key("url"); w.string(s.url)
        w.raw("}")
    }

    /// Just the services, as `portal services --format json` prints them.
    static func servicesArray(_ registry: Registry, services: [Service]) -> [UInt8] {
        let names = Dictionary(uniqueKeysWithValues: registry.categories.map { ($0.id, $0.name) })
        var w = JSONWriter()
        w.raw("[\n")
        for (i, s) in services.enumerated() {
            if i > 0 { w.raw(",\n") }
            entry(s, categoryName: names[s.categoryID] ?? "", into: &w)
        }
        w.raw("\n]\n")
        return w.bytes
    }
}

/// The compact form the registry page loads as a classic script: rows as arrays, so a
/// 100,000-row registry stays a few megabytes. `fields` names the columns.
enum RegistryPageData {
    static let fields = ["id", "name", "provider", "category", "pentest", "registered_on", "registrar", "url", "summary"]

    static func script(_ registry: Registry) -> [UInt8] {
        var w = JSONWriter(forScript: true, capacity: registry.services.count * 300 + 4096)
        w.raw("window.PortalData = window.PortalData || {};\nwindow.PortalData[\"services\"] = {")
        w.key("categories"); w.raw("[")
        for (i, c) in registry.categories.enumerated() {
            if i > 0 { w.comma() }
            w.raw("{"); w.key("id"); w.string(c.id); w.comma(); w.key("label"); w.string(c.label); w.comma()
            w.key("name"); w.string(c.name); w.comma(); w.key("pentest_option"); w.bool(c.pentestOption); w.raw("}")
        }
        w.raw("],")
        w.key("fields"); w.stringArray(fields); w.comma()
        w.key("rows"); w.raw("[\n")
        for (i, s) in registry.services.enumerated() {
            if i > 0 { w.raw(",\n") }
            w.raw("[")
            w.string(s.id); w.comma(); w.string(s.name); w.comma(); w.string(s.provider); w.comma(); w.string(s.categoryID); w.comma()
            w.string(s.pentest.map { $0 ? "1" : "0" }); w.comma(); w.string(s.registeredOn.description); w.comma()
            w.string(s.registrar); w.comma(); w.string(s.url); w.comma(); w.string(s.summary)
            w.raw("]")
        }
        w.raw("\n]};\n")
        return w.bytes
    }
}
