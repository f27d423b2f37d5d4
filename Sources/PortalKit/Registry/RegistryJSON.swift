/// `output/services.json`, for other tools (documented in the README). Stable field names,
/// sorted keys, services in file order.
struct RegistryJSON: Encodable {
    struct Category: Encodable {
        var id: String
        var name: String
        var label: String
        var description: String
        var pentest_option: Bool
        var count: Int
        var pentest_count: Int?
    }

    struct Entry: Encodable {
        var id: String
        var name: String
        var provider: String
        var category: String
        var category_name: String
        var pentest: Bool?
        var registered_on: String
        var registrar: String
        var url: String
        var summary: String
    }

    var version = 1
    var total: Int
    var categories: [Category]
    var services: [Entry]

    init(_ registry: Registry) {
        let counts = RegistryCounts(registry)
        total = counts.total
        categories = counts.rows.map {
            Category(id: $0.category.id, name: $0.category.name, label: $0.category.label, description: $0.category.description,
                     pentest_option: $0.category.pentestOption, count: $0.count, pentest_count: $0.pentest)
        }
        let names = Dictionary(uniqueKeysWithValues: registry.categories.map { ($0.id, $0.name) })
        services = registry.services.map {
            Entry(id: $0.id, name: $0.name, provider: $0.provider, category: $0.categoryID, category_name: names[$0.categoryID] ?? "",
                  pentest: $0.pentest, registered_on: $0.registeredOn.description, registrar: $0.registrar, url: $0.url, summary: $0.summary)
        }
    }
}

/// The compact form the registry page loads as a classic script: rows as arrays, so a
/// 100,000-row registry stays a few megabytes. `fields` names the columns.
struct RegistryPageData: Encodable {
    struct Category: Encodable {
        var id: String
        var label: String
        var name: String
        var pentest_option: Bool
    }

    var fields = ["id", "name", "provider", "category", "pentest", "registered_on", "registrar", "url", "summary"]
    var categories: [Category]
    var rows: [[String?]]

    init(_ registry: Registry) {
        categories = registry.categories.map { Category(id: $0.id, label: $0.label, name: $0.name, pentest_option: $0.pentestOption) }
        rows = registry.services.map {
            [$0.id, $0.name, $0.provider, $0.categoryID, $0.pentest.map { $0 ? "1" : "0" }, $0.registeredOn.description, $0.registrar, $0.url, $0.summary]
        }
    }
}
