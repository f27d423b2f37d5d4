/// The filter of `portal services`, the same rule as the page's: categories (any of), the
/// penetration-testing option, and words that must all appear in name, provider or summary
/// (folded by `SearchText`).
public struct RegistryQuery: Sendable {
    public var categories: [String] = []
    public var pentestOnly = false
    public var text = ""

    public init(categories: [String] = [], pentestOnly: Bool = false, text: String = "") {
        self.categories = categories
        self.pentestOnly = pentestOnly
        self.text = text
    }

    public enum Failure: Error, Equatable {
        /// With the nearest category name or id, when one is close.
        case unknownCategory(String, valid: [String], suggestion: String?)
        /// `--pentest` with categories none of which has the option (the names asked for, and
        /// the categories that have it).
        case noPentestOption([String], withOption: [String])
    }

    public func apply(to registry: Registry) throws(Failure) -> [Service] {
        let resolver = CategoryResolver(registry.categories)
        var wanted: Set<String> = []
        var chosen: [ServiceCategory] = []
        for name in categories {
            guard let category = resolver.resolve(name) else {
                let names = registry.categories.flatMap { [$0.id, $0.name, $0.label] + $0.aliases }
                throw .unknownCategory(name, valid: registry.categories.map { "\($0.id) (\($0.name))" },
                                       suggestion: Suggestion.closest(to: name, in: names))
            }
            if wanted.insert(category.id).inserted { chosen.append(category) }
        }
        // Asking for the option in categories that never have it is a mistake, not an empty list.
        if pentestOnly, !chosen.isEmpty, !chosen.contains(where: \.pentestOption) {
            throw .noPentestOption(categories, withOption: registry.categories.filter(\.pentestOption).map(\.label))
        }
        let words = SearchText.fold(text).split(whereSeparator: \.isWhitespace).map(String.init)
        return registry.services.filter { s in
            if !wanted.isEmpty, !wanted.contains(s.categoryID) { return false }
            if pentestOnly, s.pentest != true { return false }
            if words.isEmpty { return true }
            let haystack = SearchText.fold(s.name + "\n" + s.provider + "\n" + s.summary)
            return words.allSatisfy { haystack.contains($0) }
        }
    }
}

/// Loads just the registry, for commands that need nothing else.
public enum RegistryCommandSupport {
    public static func load(content: ContentFolder) throws(BuildFailure) -> Registry {
        var log = DiagnosticLog()
        var options = RegistryImport()
        if content.exists("site.yml"), let text = content.readText("site.yml", log: &log),
           let config = SiteConfigLoader.load(text, path: content.displayPath("site.yml"), log: &log) {
            options = config.registryImport
        }
        let registry = RegistryLoader.load(content, options: options, log: &log)
        try log.check()
        guard let registry else {
            throw BuildFailure([.error(.load, path: content.displayPath("services"), .noRegistry)])
        }
        return registry
    }

    /// Which headings a CSV export has: the list's own (as IPA publishes it, for Excel) or portal's
    /// English column names (for tools).
    public enum Headings: String, Sendable, CaseIterable {
        case ja, en
    }

    static let japaneseHeadings = ["サービス名", "事業者名", "登録年月日", "サービス種別", "審査登録機関", "ペネトレーションテスト", "URL", "概要", "ID"]

    /// `.ja`: the list's headings, dates as 2024/12/12, サービス種別 by name, ペネトレーションテスト あり/なし,
    /// with a BOM and CRLF so Excel opens it; it reads back into the portal as it is. `.en`: the
    /// columns of services.csv as portal writes them (UTF-8, LF). Both RFC 4180, and a cell a
    /// spreadsheet would take for a formula starts with an apostrophe.
    public static func csv(_ services: [Service], registry: Registry, headings: Headings = .ja) -> String {
        let names = Dictionary(registry.categories.map { ($0.id, $0.name) }) { a, _ in a }
        switch headings {
        case .en:
            var lines = [RegistryLoader.columns.joined(separator: ",")]
            for s in services {
                let fields = [s.id, s.name, s.provider, s.categoryID, s.pentest.map { $0 ? "true" : "false" } ?? "",
                              s.registeredOn.description, s.registrar, s.url, s.summary]
                lines.append(fields.map(quote).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .ja:
            var lines = [japaneseHeadings.joined(separator: ",")]
            for s in services {
                let date = s.registeredOn.description.replacingOccurrences(of: "-", with: "/")
                let fields = [s.name, s.provider, date, names[s.categoryID] ?? s.categoryID, s.registrar,
                              s.pentest.map { $0 ? "あり" : "なし" } ?? "", s.url, s.summary, s.id]
                lines.append(fields.map(quote).joined(separator: ","))
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        }
    }

    private static func quote(_ raw: String) -> String {
        // A cell a spreadsheet would run as a formula is kept as text (as the page's export does).
        let field = raw.first.map { "=+-@\t\r".contains($0) } == true ? "'" + raw : raw
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func json(_ services: [Service], registry: Registry) -> String {
        String(decoding: RegistryJSON.servicesArray(registry, services: services), as: UTF8.self)
    }

    /// A plain text table, padded by display width (a kanji takes two columns).
    public static func table(_ services: [Service], registry: Registry) -> String {
        let labels = Dictionary(uniqueKeysWithValues: registry.categories.map { ($0.id, $0.label) })
        let header = ["ID", "サービス名", "事業者", "種別", "ペネトレーションテスト", "登録日"]
        let rows = services.map { s in
            [s.id, s.name, s.provider, labels[s.categoryID] ?? s.categoryID, s.pentest.map { $0 ? "あり" : "なし" } ?? "-", s.registeredOn.description]
        }
        let widths = header.indices.map { i in ([header] + rows).map { displayWidth($0[i]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c + String(repeating: " ", count: widths[i] - displayWidth(c)) }
                .joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n\(services.count)件\n"
    }

    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { width, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}
