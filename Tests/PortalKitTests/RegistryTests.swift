import Foundation
import Testing
@testable import PortalKit

let categoriesYAML = """
categories:
  - id: audit
    name: 情報セキュリティ監査サービス
    label: 監査
    order: 1
    aliases: [セキュリティ監査]
  - id: vulnerability
    name: 脆弱性診断サービス
    label: 脆弱性診断
    order: 2
    pentest_option: true

"""

let csvHeader = "id,name,provider,category,pentest,registered_on,registrar,url,summary\n"

func registrySite(_ csv: String, extra: [String: String] = [:]) throws -> TestSite {
    var files = ["content/services/categories.yml": categoriesYAML, "content/services/services.csv": csv]
    files.merge(extra) { $1 }
    return try TestSite(files)
}

@Suite struct RegistryTests {
    @Test("loads ids, names and aliases as categories; counts come from the data")
    func loads() async throws {
        let rows = [
            "s1,A,P1,audit,,2024-01-01,R,https://example.com/a,x",
            "s2,B,P2,セキュリティ監査,,2024/02/03,R,,y",
            "s3,C,P3,脆弱性診断サービス,はい,2024-03-04,R,,z",
            #"s4,D,P4,vulnerability,,2024-03-04,R,,"quoted, with ""marks""""#,
        ]
        let site = try registrySite(csvHeader + rows.joined(separator: "\n") + "\n")
        defer { site.cleanUp() }
        try await site.build()
        let json = try #require(site.read("output/services.json"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(decoded["version"] as? Int == 1)
        #expect(decoded["total"] as? Int == 4)
        let categories = decoded["categories"] as! [[String: Any]]
        #expect(categories.map { $0["count"] as? Int } == [2, 2])
        #expect(categories[1]["pentest_count"] as? Int == 1)
        let services = decoded["services"] as! [[String: Any]]
        #expect(services.map { $0["category"] as? String } == ["audit", "audit", "vulnerability", "vulnerability"])
        #expect(services[1]["registered_on"] as? String == "2024-02-03")
        #expect(services[3]["pentest"] as? Bool == false)
        #expect(services[3]["summary"] as? String == "quoted, with \"marks\"")
        let page = try #require(site.read("output/services/index.html"))
        #expect(page.contains("種別ごとのサービス数（全4件）"))
        #expect(site.read("output/services/vulnerability.html")?.contains("登録サービス数：<strong>2件</strong>（うちペネトレーションテストあり 1件）") == true)
    }

    @Test("the sample registry has the published counts")
    func sampleCounts() throws {
        let content = ContentFolder(root: TestSite.repositoryRoot.appendingPathComponent("content"), displayRoot: "content")
        let registry = try RegistryCommandSupport.load(content: content)
        let counts = RegistryCounts(registry)
        #expect(counts.total == 339)
        #expect(counts.rows.map(\.category.id) == ["audit", "vulnerability", "forensics", "monitoring", "device"])
        #expect(counts.rows.map(\.count) == [72, 159, 39, 52, 17])
        #expect(counts.rows[1].pentest == 12)
        #expect(try RegistryQuery(categories: ["脆弱性診断"], pentestOnly: true).apply(to: registry).count == 12)
        #expect(try RegistryQuery(text: "ＶＰＮ").apply(to: registry).count == RegistryQuery(text: "vpn").apply(to: registry).count)
    }

    struct BadCase: Sendable, CustomStringConvertible {
        var name: String
        var csv: String
        var expected: String
        var description: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "unknown category", csv: csvHeader + "s1,A,P,nope,,2024-01-01,R,,\n",
                expected: "content/services/services.csv:2:1: error: unknown category 'nope'; valid: audit (情報セキュリティ監査サービス), vulnerability (脆弱性診断サービス); a name the list uses for one of them can be added to its aliases in services/categories.yml [E0401]"),
        BadCase(name: "duplicate id", csv: csvHeader + "s1,A,P,audit,,2024-01-01,R,,\ns1,B,P,audit,,2024-01-01,R,,\n",
                expected: "content/services/services.csv:3:1: error: duplicate id 's1' (first on line 2) [E0435]"),
        BadCase(name: "missing required field", csv: csvHeader + "s1,,P,audit,,2024-01-01,R,,\n",
                expected: "content/services/services.csv:2:1: error: 'name' is empty; it is required [E0403]"),
        BadCase(name: "bad date", csv: csvHeader + "s1,A,P,audit,,2024-13-01,R,,\n",
                expected: "content/services/services.csv:2:1: error: registered_on '2024-13-01' is not a date (2024/12/12, 2024-12-12 or an Excel date number) [E0402]"),
        BadCase(name: "pentest on a category without the option", csv: csvHeader + "s1,A,P,audit,true,2024-01-01,R,,\n",
                expected: "content/services/services.csv:2:1: error: pentest is true, but category '情報セキュリティ監査サービス' has no penetration-testing option [E0438]"),
        BadCase(name: "wrong column count", csv: csvHeader + "s1,A,P,audit,,2024-01-01\n",
                expected: "content/services/services.csv:2:1: error: this row has 6 fields but the header has 9 [E0432]"),
        BadCase(name: "a required column missing", csv: "サービス名,事業者名,登録年月日\nA,P,2024/01/01\n",
                expected: "content/services/services.csv:1:1: error: missing column 'サービス種別' ('category') in the header [E0431]"),
        BadCase(name: "the same service listed twice (no id column)", csv: "サービス名,事業者名,登録年月日,サービス種別\nA,P社,2024/01/01,監査\nＡ,P社,2024/02/01,監査\n",
                expected: "content/services/services.csv:3:1: error: the same service name and provider as line 2 ('Ａ', 'P社'): the row is listed twice [E0434]"),
        BadCase(name: "URL that is not http(s)", csv: csvHeader + "s1,A,P,audit,,2024-01-01,R,javascript:alert(1),\n",
                expected: "content/services/services.csv:2:1: error: url 'javascript:alert(1)' must start with http:// or https:// [E0125]"),
        BadCase(name: "empty file", csv: "",
                expected: "content/services/services.csv:1:1: error: the file is empty: it needs a header row (id,name,provider,category,pentest,registered_on,registrar,url,summary) [E0417]"),
        BadCase(name: "bad pentest value", csv: csvHeader + "s1,A,P,vulnerability,maybe,2024-01-01,R,,\n",
                expected: "content/services/services.csv:2:1: error: pentest 'maybe' must be あり or なし (also 有/無, はい/いいえ, ○/×, true/false), or empty [E0436]"),
        BadCase(name: "a required field empty, named by the list's own heading", csv: "サービス名,事業者名,登録年月日,サービス種別\nA,,2024/01/01,監査\n",
                expected: "content/services/services.csv:2:1: error: '事業者名' is empty; it is required [E0403]"),
    ]

    @Test("the list as IPA publishes it: Japanese headings in any order, no id, slashed dates and date serials, the list's category names, extra columns warned once")
    func ipaLayout() async throws {
        let csv = """
        \u{FEFF}サービス種別,サービス名,備考,事業者名,登録年月日,審査登録機関,ペネトレーションテスト
        セキュリティ監査,監査サービスA,社内メモ,甲株式会社,2024/12/12,審査登録機関X,
        脆弱性診断サービス,診断サービスB,,乙株式会社,45638,審査登録機関Y,あり
        脆弱性診断,診断サービスC,,丙株式会社,2023-04-01,審査登録機関Y,

        """
        let site = try registrySite(csv)
        defer { site.cleanUp() }
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description).contains(
            "content/services/services.csv:1:1: warning: columns ignored: '備考' (known: サービス名, 事業者名, 登録年月日, サービス種別, 審査登録機関, ペネトレーションテスト, URL, 概要, or id, name, provider, category, pentest, registered_on, registrar, url, summary) [W0430]"))
        var log = DiagnosticLog()
        let services = RegistryLoader.loadServices(csv, path: "s.csv", categories: RegistryLoader.loadCategories(categoriesYAML, path: "c", log: &log), log: &log)
        #expect(services.map(\.categoryID) == ["audit", "vulnerability", "vulnerability"])
        #expect(services.map(\.pentest) == [nil, true, false])
        #expect(services.map(\.registeredOn.description) == ["2024-12-12", "2024-12-12", "2023-04-01"])
        #expect(services.map(\.registrar) == ["審査登録機関X", "審査登録機関Y", "審査登録機関Y"])
        // Ids come from name and provider: the same next time, whatever the row order or width.
        #expect(services[0].id == RegistryColumns.derivedID(name: "監査サービスＡ", provider: "甲株式会社"))
        #expect(services.map(\.id).allSatisfy { $0.hasPrefix("svc-") && $0.count == 16 })
        #expect(Set(services.map(\.id)).count == 3)
        #expect(site.read("output/services/index.html")?.contains("監査サービスA") == true)
    }

    @Test("a title and a blank row above the headings, as exported lists have, are passed over; lines stay the file's own")
    func titleAboveHeadings() async throws {
        let csv = """
        \u{FEFF}情報セキュリティサービス基準適合サービスリスト（2024年12月時点）,,,,,
        ,,,,,
        サービス種別,サービス名,事業者名,登録年月日,審査登録機関,ペネトレーションテスト
        セキュリティ監査,監査サービスA,甲株式会社,2024/12/12,審査登録機関X,
        脆弱性診断,診断サービスB,乙株式会社,2024年2月30日,審査登録機関Y,

        """
        var log = DiagnosticLog()
        let categories = RegistryLoader.loadCategories(categoriesYAML, path: "c", log: &log)
        let services = RegistryLoader.loadServices(csv, path: "s.csv", categories: categories, log: &log)
        #expect(services.map(\.name) == ["監査サービスA"])
        #expect(log.entries.map(\.description) == [
            "s.csv:5:1: error: registered_on '2024年2月30日' is not a date (2024/12/12, 2024-12-12 or an Excel date number) [E0402]",
        ])
        // Two values above the headings are no title: that row is the headings, and says what it lacks.
        var strict = DiagnosticLog()
        _ = RegistryLoader.loadServices("メモ,もう一つ\n" + csv.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n"),
                                        path: "s.csv", categories: categories, log: &strict)
        #expect(strict.entries.map(\.description).contains { $0.hasPrefix("s.csv:1:1: error: missing column") })
    }

    @Test("a penetration-testing column with another heading is named in site.yml")
    func pentestColumn() async throws {
        let csv = "サービス名,事業者名,登録年月日,サービス種別,侵入テストオプション\nB,乙,2024/12/12,脆弱性診断,○\n"
        let site = try registrySite(csv, extra: ["content/site.yml": TestSite.minimalSite + "registry:\n  pentest_column: 侵入テストオプション\n"])
        defer { site.cleanUp() }
        try await site.build()
        #expect(site.read("output/services.json")?.contains("\"pentest\":true") == true)
    }

    @Test("the option written into サービス種別 is read as the option", arguments: [
        ("脆弱性診断サービス（ペネトレーションテストあり）", true),
        ("脆弱性診断（ペネトレーションテスト含む）", true),
        ("脆弱性診断 (侵入試験なし)", false),
        ("脆弱性診断・ペネトレーションテスト", true),
        ("【ペネトレーションテスト】脆弱性診断", true),
    ])
    func pentestMarker(_ c: (String, Bool)) async throws {
        let csv = "サービス名,事業者名,登録年月日,サービス種別\nB,乙,2024/12/12,\(c.0)\n"
        let site = try registrySite(csv)
        defer { site.cleanUp() }
        try await site.build()
        let json = try #require(site.read("output/services.json"))
        #expect(json.contains("\"category\":\"vulnerability\""), "\(c.0)")
        #expect(json.contains("\"pentest\":\(c.1)"), "\(c.0)")
    }

    @Test("a marker in site.yml, and a marker that contradicts the column or the category, are errors at the cell")
    func pentestMarkerConflicts() async throws {
        let own = try registrySite("サービス名,事業者名,登録年月日,サービス種別\nB,乙,2024/12/12,脆弱性診断＋PT\n",
                                   extra: ["content/site.yml": TestSite.minimalSite + "registry:\n  pentest_marker: PT\n"])
        defer { own.cleanUp() }
        try await own.build()
        #expect(own.read("output/services.json")?.contains("\"pentest\":true") == true)

        let csv = "サービス名,事業者名,登録年月日,サービス種別,ペネトレーションテスト\n"
            + "B,乙,2024/12/12,脆弱性診断（ペネトレーションテストあり）,いいえ\n"
            + "C,丙,2024/12/12,セキュリティ監査（ペネトレーションテストあり）,\n"
        let site = try registrySite(csv)
        defer { site.cleanUp() }
        let errors = await site.failure()
        #expect(errors == [
            "content/services/services.csv:2:1: error: the pentest column says いいえ but サービス種別 '脆弱性診断（ペネトレーションテストあり）' says あり; make them agree [E0437]",
            "content/services/services.csv:3:1: error: サービス種別 'セキュリティ監査（ペネトレーションテストあり）' marks penetration testing, but category '情報セキュリティ監査サービス' has no such option [E0439]",
        ])
    }

    @Test("the CSV export has the list's Japanese headings and a BOM, reads back as the same rows; --headings en for tools")
    func csvExport() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        let registry = try RegistryCommandSupport.load(content: ContentFolder(root: site.url("content"), displayRoot: "content"))
        let ja = RegistryCommandSupport.csv(registry.services, registry: registry)
        #expect(ja.hasPrefix("\u{FEFF}サービス名,事業者名,登録年月日,サービス種別,審査登録機関,ペネトレーションテスト,URL,概要,ID\r\n"))
        #expect(ja.contains(",2024/01/02,デジタルフォレンジックサービス,"))
        // Dropped in as the registry file, it is the same list.
        try site.write("content/services/services.csv", ja)
        let again = try RegistryCommandSupport.load(content: ContentFolder(root: site.url("content"), displayRoot: "content"))
        #expect(again.services.map { [$0.id, $0.name, $0.provider, $0.categoryID, "\($0.pentest as Any)", $0.registeredOn.description, $0.registrar, $0.url, $0.summary] }
                == registry.services.map { [$0.id, $0.name, $0.provider, $0.categoryID, "\($0.pentest as Any)", $0.registeredOn.description, $0.registrar, $0.url, $0.summary] })
        let en = RegistryCommandSupport.csv(registry.services, registry: registry, headings: .en)
        #expect(en.hasPrefix("id,name,provider,category,pentest,registered_on,registrar,url,summary\n"))
        // A cell a spreadsheet would run is kept as text.
        var hostile = registry.services[0]
        hostile.summary = "=HYPERLINK(\"x\")"
        #expect(RegistryCommandSupport.csv([hostile], registry: registry).contains(",\"'=HYPERLINK(\"\"x\"\")\","))
    }

    @Test("Excel date serials read as the day Excel shows")
    func serials() {
        #expect(RegistryColumns.date("45638")?.description == "2024-12-12")
        #expect(RegistryColumns.date("25569")?.description == "1970-01-01")
        #expect(RegistryColumns.date("61")?.description == "1900-03-01")
        // The inverse of dayNumber, day by day across leap years and the year 2000.
        for n in stride(from: -25_567, through: 36_525, by: 1) { #expect(LocalDate(dayNumber: n)?.dayNumber == n) }
        #expect(RegistryColumns.date("2024/1/5")?.description == "2024-01-05")
        #expect(RegistryColumns.date("令和6年") == nil)
    }

    @Test("bad registry rows are errors at their line and nothing is written", arguments: badCases)
    func badRows(_ c: BadCase) async throws {
        let site = try registrySite(c.csv)
        defer { site.cleanUp() }
        let errors = await site.failure()
        #expect(errors == [c.expected])
        #expect(!FileManager.default.fileExists(atPath: site.url("output").path))
    }

    @Test("Shift_JIS (CP932) as Excel saves it is detected, and CRLF and a BOM are fine")
    func encodings() async throws {
        let text = csvHeader + "s1,髙﨑①サービス,P,監査,,2024-01-01,R,,～説明\r\n"
        let sjis = try #require(text.replacingOccurrences(of: "監査", with: "セキュリティ監査").data(using: .shiftJIS))
        let site = try registrySite("")
        defer { site.cleanUp() }
        try site.write("content/services/services.csv", sjis)
        try await site.build()
        #expect(site.read("output/services.json")?.contains("髙﨑①サービス") == true)

        try site.write("content/services/services.csv", Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        try await site.build()
        #expect(site.read("output/services.json")?.contains("～説明") == true)
    }

    @Test("a file in neither UTF-8 nor Shift_JIS gets a clear error; registry.encoding forces one")
    func undetectable() async throws {
        let site = try registrySite("")
        defer { site.cleanUp() }
        try site.write("content/services/services.csv", Data(csvHeader.utf8) + Data([0x73, 0x31, 0x2C, 0xFF, 0xFF, 0xFF, 0x0A]))
        #expect(await site.failure() == ["content/services/services.csv:1:1: error: file is neither UTF-8 nor Shift_JIS (CP932); save it as \"CSV UTF-8\" from Excel, or set registry.encoding in site.yml [E0410]"])

        try site.write("content/site.yml", "title: T\nregistry:\n  encoding: utf-8\n")
        try site.write("content/services/services.csv", try #require((csvHeader + "s1,日本,P,audit,,2024-01-01,R,,\n").data(using: .shiftJIS)))
        #expect(await site.failure() == ["content/services/services.csv:1:1: error: file is not valid UTF-8 (site.yml says registry.encoding: utf-8) [E0408]"])
    }

    @Test("hostile fields render inert in HTML, attributes and the data script")
    func hostileFields() async throws {
        let payloads = ["<script>alert(1)</script>", "\" onmouseover=\"alert(1)", "</script><script>window.__pwned=1</script>", "a\u{2028}b"]
        var csv = csvHeader
        for (i, p) in payloads.enumerated() {
            let q = "\"" + p.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            csv += "s\(i),\(q),\(q),audit,,2024-01-01,\(q),https://example.com/\(i),\(q)\n"
        }
        let site = try registrySite(csv)
        defer { site.cleanUp() }
        try await site.build()
        let html = try #require(site.read("output/services/index.html"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("\" onmouseover"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let script = try #require(site.read("output/services/services-data.js"))
        #expect(!script.contains("</script>"))
        #expect(!script.contains("<"))
        #expect(!script.contains("\u{2028}"))
        #expect(script.contains("\\u003c/script\\u003e"))
        let json = try #require(script.components(separatedBy: "window.PortalData[\"services\"] = ").last).dropLast(2)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let rows = decoded["rows"] as! [[Any]]
        #expect(rows.map { $0[1] as? String } == payloads)
    }

    @Test("portal services filters like the page; unknown categories are refused with the valid list")
    func query() throws {
        let registry = Registry(categories: try #require(loadCategories()), services: [], sourcePath: "x")
        #expect(throws: RegistryQuery.Failure.self) { try RegistryQuery(categories: ["nope"]).apply(to: registry) }
    }

    private func loadCategories() -> [ServiceCategory]? {
        var log = DiagnosticLog()
        let categories = RegistryLoader.loadCategories(categoriesYAML, path: "c.yml", log: &log)
        return log.hasErrors ? nil : categories
    }

    @Test("display width counts kanji as two columns")
    func width() {
        #expect(RegistryCommandSupport.displayWidth("abc") == 3)
        #expect(RegistryCommandSupport.displayWidth("脆弱性") == 6)
        #expect(RegistryCommandSupport.displayWidth("ＶＰＮ") == 6)
    }
}

@Suite struct RegistryPaginationTests {
    @Test("long registries get static list pages of 1,000 rows, linked both ways; search links the right page")
    func pages() async throws {
        var csv = csvHeader
        for i in 1...2100 { csv += "s\(i),名前\(i),P,\(i % 3 == 0 ? "audit" : "vulnerability"),,2024-01-01,R,,\n" }
        let site = try registrySite(csv)
        defer { site.cleanUp() }
        try await site.build()
        let index = try #require(site.read("output/services/index.html"))
        #expect(index.components(separatedBy: "<tr id=\"service-").count - 1 == 1000)
        #expect(index.contains("すべてのサービス（2100件中 1〜1000件目）"))
        #expect(index.contains("<a href=\"list-2.html\" rel=\"next\">次へ</a>"))
        let last = try #require(site.read("output/services/list-3.html"))
        #expect(last.components(separatedBy: "<tr id=\"service-").count - 1 == 100)
        #expect(last.contains("<a href=\"list-2.html\" rel=\"prev\">前へ</a>"))
        #expect(last.contains("<span aria-current=\"page\">3</span>"))
        // 1,400 vulnerability rows: two category pages.
        #expect(site.read("output/services/vulnerability-2.html")?.contains("vulnerability-2") == false)
        #expect(site.read("output/services/vulnerability-2.html")?.contains("1400件中 1001〜1400件目") == true)
        #expect(site.read("output/services/audit-2.html") == nil)
        let json = try #require(site.read("output/search-index.json"))
        #expect(json.contains("\"url\":\"services/vulnerability-2.html#service-s2000\""))
    }
}

@Suite struct PentestValueTests {
    @Test("the pentest column takes what Japanese lists write: あり/なし, 有/無, ○/〇/×/✕, はい/いいえ, true/false, full width too")
    func values() {
        for yes in ["あり", "有", "○", "〇", "はい", "true", "ＴＲＵＥ", "yes"] { #expect(PentestValue(yes) == .value(true), "\(yes)") }
        for no in ["なし", "無", "×", "✕", "いいえ", "false", "no"] { #expect(PentestValue(no) == .value(false), "\(no)") }
        #expect(PentestValue("") == .blank)
        #expect(PentestValue("たぶん") == .invalid("たぶん"))
    }
}

@Suite struct RegistryTableTests {
    @Test("portal services' table names the option as the rest of the portal does: ペネトレーションテスト")
    func heading() {
        let table = RegistryCommandSupport.table([], registry: Registry(categories: [], services: [], sourcePath: "x.csv"))
        #expect(table.hasPrefix("ID  サービス名  事業者  種別  ペネトレーションテスト  登録日\n"), "\(table)")
    }
}
