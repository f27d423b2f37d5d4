import Foundation

/// Reads `services/categories.yml` and `services/services.csv`, checking every row.
public enum RegistryLoader {
    static let columns = ["id", "name", "provider", "category", "pentest", "registered_on", "registrar", "url", "summary"]
    static let categoryKeys = ["id", "name", "label", "description", "order", "aliases", "pentest_option"]

    /// Nil when the content has no registry (no `services/` folder).
    static func load(_ content: ContentFolder, options: RegistryImport, log: inout DiagnosticLog) -> Registry? {
        let hasCategories = content.exists("services/categories.yml")
        let hasWorkbook = content.exists("services/services.xlsx")
        let hasServices = content.exists("services/services.csv") || hasWorkbook
        guard hasCategories || hasServices else { return nil }
        guard hasCategories, let text = content.readText("services/categories.yml", log: &log) else {
            if !hasCategories {
                log.add(.error(.load, path: content.displayPath("services/categories.yml"), .missingCategories))
            }
            return nil
        }
        let categories = loadCategories(text, path: content.displayPath("services/categories.yml"), log: &log)
        let csvPath = content.displayPath("services/services.csv")
        guard hasServices else {
            log.add(.error(.load, path: csvPath, .missingServices))
            return nil
        }
        if hasWorkbook {
            let xlsxPath = content.displayPath("services/services.xlsx")
            if content.exists("services/services.csv") {
                log.add(.error(.load, path: xlsxPath, .bothCSVAndWorkbook))
                return nil
            }
            guard content.isInside(content.root.appendingPathComponent("services/services.xlsx")),
                  let data = try? content.readData("services/services.xlsx") else {
                log.add(.error(.load, path: xlsxPath, .unreadableWorkbook))
                return nil
            }
            let services = loadWorkbook(data, path: xlsxPath, categories: categories, options: options, log: &log)
            return Registry(categories: categories, services: services, sourcePath: xlsxPath)
        }
        let data: Data
        do {
            data = try content.readData("services/services.csv")
        } catch {
            log.add(.error(.load, path: csvPath, .cannotReadFile(error.localizedDescription)))
            return nil
        }
        guard content.isInside(content.root.appendingPathComponent("services/services.csv")) else {
            log.add(.error(.load, path: csvPath, .symlinkOutside))
            return nil
        }
        let csvText: String
        do {
            csvText = try CSVDecoding.decode(data, as: options.encoding)
        } catch {
            log.add(.error(.load, path: csvPath, line: 1, column: 1, error.message))
            return nil
        }
        let services = loadServices(csvText, path: csvPath, categories: categories, options: options, log: &log)
        return Registry(categories: categories, services: services, sourcePath: csvPath)
    }

    static func loadCategories(_ text: String, path: String, log: inout DiagnosticLog) -> [ServiceCategory] {
        let source = YAMLSource(path: path)
        guard let map = YAMLMapping(source.parse(text, log: &log), source: source, what: .file("categories.yml"), log: &log) else { return [] }
        map.rejectUnknownKeys(allowed: ["categories"], log: &log)
        var seen: [String: Int] = [:]
        var result: [ServiceCategory] = []
        for item in map.mappings("categories", what: "a category", log: &log) {
            item.rejectUnknownKeys(allowed: categoryKeys, log: &log)
            guard let id = item.string("id", required: true, log: &log),
                  let name = item.string("name", required: true, log: &log)
            else { continue }
            guard Slug(id) != nil else {
                log.add(source.diagnostic(item.valueMark("id"), .badCategoryID(id)))
                continue
            }
            if let first = seen[id] {
                log.add(source.diagnostic(item.valueMark("id"), .duplicateCategoryID(id, line: first)))
                continue
            }
            seen[id] = item.valueMark("id")?.line ?? 0
            result.append(ServiceCategory(
                id: id, name: name,
                label: item.string("label", log: &log) ?? name,
                description: item.string("description", log: &log) ?? "",
                order: item.int("order", log: &log) ?? Int.max,
                aliases: item.stringList("aliases", log: &log),
                pentestOption: item.bool("pentest_option", log: &log) ?? false
            ))
        }
        if result.isEmpty, !log.hasErrors {
            log.add(.error(.load, path: path, line: 1, column: 1, .noCategories))
        }
        return result.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
    }

    static func loadServices(_ text: String, path: String, categories: [ServiceCategory], options: RegistryImport = RegistryImport(),
                             log: inout DiagnosticLog) -> [Service] {
        let records: [CSVRecord]
        do {
            records = try CSV.parse(text)
        } catch {
            log.add(.error(.load, path: path, line: error.line, column: 1, .csv(error.problem)))
            return []
        }
        guard !records.isEmpty else {
            log.add(.error(.load, path: path, line: 1, column: 1, .emptyCSV(columns: columns)))
            return []
        }
        var rows = records.map { RegistryRow(fields: $0.fields, line: $0.line) }
        // Excel's "CSV UTF-8" starts with a byte-order mark, which would be part of the first heading.
        if let first = rows[0].fields.first, first.hasPrefix("\u{FEFF}") { rows[0].fields[0] = String(first.dropFirst()) }
        let headerIndex = headingRow(rows, pentestColumn: options.pentestColumn) ?? 0
        return loadRows(header: rows[headerIndex], rows: Array(rows[(headerIndex + 1)...]),
                        path: path, categories: categories, options: options, log: &log)
    }

    /// services.xlsx: the first sheet (or `registry.sheet`), its first non-empty row the headings.
    static func loadWorkbook(_ data: Data, path: String, categories: [ServiceCategory], options: RegistryImport = RegistryImport(),
                             log: inout DiagnosticLog) -> [Service] {
        let table: XlsxReader.Sheet
        do {
            table = try XlsxReader.read(data, sheet: options.sheet)
        } catch {
            log.add(.error(.load, path: path, error.message))
            return []
        }
        let width = (table.rows.flatMap(\.cells.keys).max() ?? -1) + 1
        let rows = table.rows.map { row in
            RegistryRow(cells: (0..<width).map { row.cells[$0] ?? "" }, number: row.number, sheet: table.name, formulaColumns: row.formulas)
        }
        guard let firstFilled = rows.firstIndex(where: { !$0.isBlank }) else {
            log.add(.error(.load, path: path + ":" + table.name, .emptySheet))
            return []
        }
        let headerIndex = headingRow(rows, pentestColumn: options.pentestColumn) ?? firstFilled
        let header = rows[headerIndex]
        var mergedInHeader = false
        for range in table.merged {
            let ends = range.split(separator: ":").compactMap { XlsxReader.position(String($0)) }
            if let first = ends.first, let last = ends.last, (first.row...last.row).contains(header.number) {
                log.add(.error(.load, path: "\(path):\(table.name)!\(range)", .mergedHeader))
                mergedInHeader = true
            }
        }
        guard !mergedInHeader else { return [] }
        return loadRows(header: header, rows: Array(rows[(headerIndex + 1)...]), path: path, categories: categories, options: options, log: &log)
    }

    /// The row of headings when a title sits above it, as in the list IPA publishes and in many
    /// Excel exports (「情報セキュリティサービス基準適合サービスリスト（…時点）」, then a blank row):
    /// the first of the top rows to name every required column, if each row above it holds at
    /// most one value. Nil when there is none; the first filled row is then taken as the
    /// headings, and what it lacks is reported.
    static func headingRow(_ rows: [RegistryRow], pentestColumn: String?) -> Int? {
        for (i, row) in rows.prefix(10).enumerated() {
            let fields = Set(row.fields.compactMap { RegistryColumns.field(for: $0, pentestColumn: pentestColumn) })
            if RegistryColumns.required.isSubset(of: fields) { return i }
            if row.fields.filter({ !$0.trimmed().isEmpty }).count > 1 { return nil }
        }
        return nil
    }

    /// The rows of a table, from CSV or a workbook: checked field by field, each mistake reported
    /// where the row (or, in a workbook, the cell) is.
    static func loadRows(header: RegistryRow, rows: [RegistryRow], path: String, categories: [ServiceCategory], options: RegistryImport,
                         log: inout DiagnosticLog) -> [Service] {
        var index: [String: Int] = [:]
        var headerOK = true
        var ignored: [String] = []
        for (i, heading) in header.fields.enumerated() {
            guard let field = RegistryColumns.field(for: heading, pentestColumn: options.pentestColumn) else {
                if !heading.trimmed().isEmpty { ignored.append(heading.trimmed()) }
                continue
            }
            if index[field] != nil {
                log.add(header.diagnostic(.error, path: path, column: i, .duplicateColumn(field, heading: heading.trimmed())))
                headerOK = false
            } else {
                index[field] = i
            }
        }
        if !ignored.isEmpty {
            log.add(header.diagnostic(.warning, path: path, column: nil, .ignoredColumns(ignored, columns: columns)))
        }
        for name in columns where RegistryColumns.required.contains(name) && index[name] == nil {
            let japanese = RegistryColumns.headings.first { $0.field == name }?.names[1] ?? name
            log.add(header.diagnostic(.error, path: path, column: nil, .missingColumn(japanese, field: name)))
            headerOK = false
        }
        guard headerOK else { return [] }

        let resolver = CategoryResolver(categories)
        var firstLineOfID: [String: Int] = [:]
        var services: [Service] = []
        services.reserveCapacity(rows.count)
        for record in rows {
            // At the row, or in a workbook at the cell of the field the message is about.
            var about: String? = nil
            func error(_ message: Message) { log.add(record.diagnostic(.error, path: path, column: about.flatMap { index[$0] }, message)) }
            if record.isBlank { continue }
            guard record.cellPath != nil || record.fields.count == header.fields.count else {
                error(.rowWidth(record.fields.count, expected: header.fields.count))
                continue
            }
            for column in record.formulaColumns.sorted() {
                log.add(record.diagnostic(.warning, path: path, column: column, .formulaCell))
            }
            func field(_ name: String) -> String { index[name].flatMap { $0 < record.fields.count ? record.fields[$0].trimmed() : nil } ?? "" }
            var ok = true
            for name in RegistryColumns.required.sorted() where field(name).isEmpty {
                about = name
                // Named as the file's own heading says it (事業者名), not by portal's field name.
                error(.emptyField(index[name].flatMap { $0 < header.fields.count ? header.fields[$0].trimmed() : nil } ?? name))
                ok = false
            }
            guard ok else { continue }
            about = nil
            let derived = index["id"] == nil || field("id").isEmpty
            let id = derived ? RegistryColumns.derivedID(name: field("name"), provider: field("provider")) : field("id")
            if let first = firstLineOfID[id] {
                error(derived ? .duplicateRow(line: first, name: field("name"), provider: field("provider")) : .duplicateServiceID(id, line: first))
                continue
            }
            firstLineOfID[id] = record.line ?? record.number
            about = "category"
            // 「脆弱性診断（ペネトレーションテストあり）」: the category, and the option it marks.
            var categoryText = field("category"), marked: Bool? = nil
            if resolver.resolve(categoryText) == nil, let split = options.pentestMarker.split(categoryText) {
                (categoryText, marked) = (split.category, split.pentest)
            }
            guard let category = resolver.resolve(categoryText) else {
                let names = categories.flatMap { [$0.id, $0.name, $0.label] + $0.aliases }
                error(.unknownCategory(field("category"), near: Suggestion.closest(to: field("category"), in: names),
                                       valid: categories.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")))
                continue
            }
            about = "registered_on"
            guard let date = RegistryColumns.date(field("registered_on")) else {
                error(.registryNotDate(field("registered_on")))
                continue
            }
            var pentest: Bool? = nil
            about = "pentest"
            switch PentestValue(field("pentest")) {
            case .invalid(let raw):
                error(.badPentest(raw))
                continue
            case .value(let v):
                if let marked, marked != v {
                    error(.pentestDisagrees(v, category: field("category"), marked: marked))
                    continue
                }
                if v, !category.pentestOption {
                    error(.noPentestOption(category.name))
                    continue
                }
                pentest = category.pentestOption ? v : nil
            case .blank:
                if marked == true, !category.pentestOption {
                    about = "category"
                    error(.categoryMarksPentest(field("category"), category: category.name))
                    continue
                }
                pentest = category.pentestOption ? (marked ?? false) : nil
            }
            let url = field("url")
            about = "url"
            if !url.isEmpty, let problem = URLText.problem(with: url, otherwise: .notHTTP(url)) {
                error(problem)
                continue
            }
            services.append(Service(
                id: id, name: field("name"), provider: field("provider"), categoryID: category.id, pentest: pentest,
                registeredOn: date, registrar: field("registrar"), url: url, summary: field("summary"), line: record.line ?? record.number
            ))
        }
        return services
    }
}

/// Imported files name categories in several ways: the id, the official name, the label or an alias.
struct CategoryResolver {
    private var byKey: [String: ServiceCategory] = [:]

    init(_ categories: [ServiceCategory]) {
        for c in categories {
            for key in [c.id, c.name, c.label] + c.aliases {
                byKey[SearchText.fold(key.trimmed())] = byKey[SearchText.fold(key.trimmed())] ?? c
            }
        }
    }

    func resolve(_ text: String) -> ServiceCategory? {
        byKey[SearchText.fold(text.trimmed())]
    }
}

enum PentestValue: Equatable {
    case blank, value(Bool), invalid(String)

    init(_ raw: String) {
        switch SearchText.fold(raw) {
        case "": self = .blank
        // 〇 (the kanji zero) and ✕ are what Japanese input offers as often as ○ and ×.
        case "true", "はい", "yes", "あり", "有", "○", "〇": self = .value(true)
        case "false", "いいえ", "no", "なし", "無", "×", "✕": self = .value(false)
        default: self = .invalid(raw)
        }
    }
}
