/// The columns of services.csv, under the headings people have: the list as IPA publishes it
/// (サービス名, 事業者名, 登録年月日, サービス種別, 審査登録機関), portal's own English ones, in any
/// order. Headings match by `SearchText.key` (width, case, spaces), so 「サービス名 」 and 「ｻｰﾋﾞｽ名」 do too.
enum RegistryColumns {
    /// Field → the headings that name it.
    static let headings: [(field: String, names: [String])] = [
        ("id", ["id", "ID", "識別子"]),
        ("name", ["name", "サービス名", "サービス名称"]),
        ("provider", ["provider", "事業者名", "事業者", "サービス提供事業者"]),
        ("category", ["category", "サービス種別", "種別"]),
        ("pentest", ["pentest", "ペネトレーションテスト", "ペネトレーションテスト（オプション）", "ペネトレーションテストの有無", "侵入試験"]),
        ("registered_on", ["registered_on", "登録年月日", "登録日"]),
        ("registrar", ["registrar", "審査登録機関", "審査登録機関名"]),
        ("url", ["url", "URL", "サービスURL", "ウェブサイト"]),
        ("summary", ["summary", "概要", "サービス概要"]),
    ]

    static let required: Set<String> = ["name", "provider", "category", "registered_on"]

    /// The field a heading names; `pentestColumn` (site.yml registry.pentest_column) adds one.
    static func field(for heading: String, pentestColumn: String?) -> String? {
        let k = SearchText.key(heading)
        if let pentestColumn, SearchText.key(pentestColumn) == k { return "pentest" }
        return headings.first { $0.names.contains { SearchText.key($0) == k } }?.field
    }

    /// A stable id for a row without one: `svc-` and the first 12 hex digits of a 64-bit FNV-1a
    /// hash of the folded service name and provider (with a separator). The same service keeps
    /// its id, and its URL in the portal, from one download of the list to the next.
    static func derivedID(name: String, provider: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in (SearchText.key(name) + "\u{1F}" + SearchText.key(provider)).utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return "svc-" + String(String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12)
    }

    /// `2024/12/12`, `2024-12-12`, `2024年12月12日`, `令和6年12月12日`, or an Excel date serial (days since 1899-12-30, as a spreadsheet
    /// saved as CSV may leave a date it did not format).
    /// Excel's day 25569 is 1970-01-01 (the 1900 date system; serials from 61 on are right
    /// despite its leap-day 1900, which is before any list).
    static let excelEpochOffset = 25569

    static func date(_ text: String) -> LocalDate? {
        if let d = LocalDate(parsing: text, allowSlashes: true) ?? LocalDate(japanese: text) { return d }
        guard let serial = Int(text), (61...2_958_465).contains(serial) else { return nil }
        return LocalDate(dayNumber: serial - excelEpochOffset)
    }
}
