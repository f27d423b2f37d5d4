/// One of the five service types of the IPA list, from `services/categories.yml`.
public struct ServiceCategory: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var label: String
    public var description: String
    public var order: Int
    public var aliases: [String]
    /// Only vulnerability assessment offers the penetration-testing option.
    public var pentestOption: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, label, description, order, aliases
        case pentestOption = "pentest_option"
    }
}

/// One service found conforming to the standard (基準適合), a row of `services/services.csv`.
public struct Service: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var provider: String
    public var categoryID: String
    /// Nil where the category has no such option.
    public var pentest: Bool?
    public var registeredOn: LocalDate
    public var registrar: String
    public var url: String
    public var summary: String
    public var line: Int
}

/// The registry as loaded: categories in display order and every service.
public struct Registry: Sendable, Hashable, Codable {
    public var categories: [ServiceCategory]
    public var services: [Service]
    /// Where the CSV came from, as shown to the user.
    public var sourcePath: String
    /// Example rows, not the published list (site.yml's `registry.sample`).
    public var sample = false

    public func category(_ id: String) -> ServiceCategory? {
        categories.first { $0.id == id }
    }

    public func services(in categoryID: String) -> [Service] {
        services.filter { $0.categoryID == categoryID }
    }
}
