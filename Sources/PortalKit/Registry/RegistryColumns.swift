/// The columns of services.csv, under the headings people have: the list as IPA publishes it
/// (サービス名, 事業者名, 登録年月日, サービス種別, 審査登録機関), portal's own English ones, in any
/// order. Headings match after folding (width, case, spaces), so 「サービス名 」 and 「ｻｰﾋﾞｽ名」 do too.
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

    static func key(_ heading: String) -> String {
        String(String.UnicodeScalarView(SearchText.fold(heading).unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// The field a heading names; `pentestColumn` (site.yml registry.pentest_column) adds one.
    static func field(for heading: String, pentestColumn: String?) -> String? {
        let k = key(heading)
        if let pentestColumn, key(pentestColumn) == k { return "pentest" }
        return headings.first { $0.names.contains { key($0) == k } }?.field
    }

    /// A stable id for a row without one: `svc-` and the first 12 hex digits of a 64-bit FNV-1a
    /// hash of the folded service name and provider (with a separator). The same service keeps
    /// its id, and its URL in the portal, from one download of the list to the next.
    static func derivedID(name: String, provider: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in (key(name) + "\u{1F}" + key(provider)).utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return "svc-" + String(String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12)
    }

    /// `2024/12/12`, `2024-12-12`, or an Excel date serial (days since 1899-12-30, as a spreadsheet
    /// saved as CSV may leave a date it did not format).
    static func date(_ text: String) -> LocalDate? {
        if let d = LocalDate(parsing: text, allowSlashes: true) { return d }
        guard let serial = Int(text), (1...2_958_465).contains(serial) else { return nil }
        return LocalDate(daysSince1899_12_30: serial)
    }
}

extension LocalDate {
    /// Excel's day numbers (the 1900 date system; serials from 61 on are right despite its
    /// leap-day 1900, which is before any list).
    init?(daysSince1899_12_30 days: Int) {
        // Civil-from-days (Howard Hinnant's algorithm), from 1970-01-01 = serial 25569.
        let z = days - 25569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}
