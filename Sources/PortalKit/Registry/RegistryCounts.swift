/// Every number the portal shows about the registry, computed from the data, never typed.
public struct RegistryCounts: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var category: ServiceCategory
        public var count: Int
        /// Services with penetration testing; nil where the category has no such option.
        public var pentest: Int?
    }

    public var rows: [Row]
    public var total: Int

    public init(_ registry: Registry) {
        var byCategory: [String: (Int, Int)] = [:]
        for s in registry.services {
            var entry = byCategory[s.categoryID] ?? (0, 0)
            entry.0 += 1
            if s.pentest == true { entry.1 += 1 }
            byCategory[s.categoryID] = entry
        }
        rows = registry.categories.map { c in
            let entry = byCategory[c.id] ?? (0, 0)
            return Row(category: c, count: entry.0, pentest: c.pentestOption ? entry.1 : nil)
        }
        total = registry.services.count
    }
}
