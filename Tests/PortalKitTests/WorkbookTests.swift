import Foundation
import Testing
@testable import PortalKit

/// services.xlsx read directly: workbooks written by a real spreadsheet library (openpyxl, from
/// PyPI in the test set-up) and damaged ones; every mistake at its cell, all in one run.
@Suite struct WorkbookTests {
    /// Runs Python with openpyxl to write `file`; `body` gets `wb` and `ws` (the active sheet).
    func workbook(_ site: TestSite, _ file: String, _ body: String) throws {
        let script = """
        import sys, datetime, openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        \(body)
        wb.save(sys.argv[1])
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, site.url(file).path]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "openpyxl is needed (scripts/setup.sh test installs it)")
    }

    /// A registry site whose list is to be a workbook: its services.csv taken away.
    func workbookSite() throws -> TestSite {
        let site = try registrySite("")
        try site.remove("content/services/services.csv")
        return site
    }

    @Test("the list as a spreadsheet writes it: shared strings, real date cells, numbers, a penetration-testing column, another sheet chosen by name")
    func realWorkbook() async throws {
        let site = try registrySite("", extra: ["content/site.yml": TestSite.minimalSite + "registry:\n  sheet: リスト\n"])
        defer { site.cleanUp() }
        try site.remove("content/services/services.csv")
        try workbook(site, "content/services/services.xlsx", """
        ws.append(["説明だけのシート"])
        ls = wb.create_sheet("リスト")
        ls.append(["サービス名", "事業者名", "登録年月日", "サービス種別", "審査登録機関", "ペネトレーションテスト", "備考"])
        ls.append(["監査サービスA", "甲株式会社", datetime.date(2024, 12, 12), "セキュリティ監査", "機関X", None, "メモ"])
        ls.append(["診断サービスB", "乙株式会社", "2023/04/01", "脆弱性診断", "機関Y", "あり", None])
        ls.append([])
        ls.append(["診断サービスC", "丙株式会社", 45292, "脆弱性診断サービス", "機関Y", None, None])
        """)
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description).contains { $0.hasPrefix("content/services/services.xlsx:リスト!1: warning: columns ignored: '備考'") })
        let json = try #require(site.read("output/services.json"))
        for expected in ["監査サービスA", "\"2024-12-12\"", "\"2023-04-01\"", "\"2024-01-01\"", "\"pentest\":true"] {
            #expect(json.contains(expected), "\(expected)")
        }
    }

    @Test("merged header cells, a formula, a date typed as text, an unknown サービス種別: each at its cell, all in one run, nothing published")
    func mistakesAtTheirCells() async throws {
        let site = try workbookSite()
        defer { site.cleanUp() }
        try workbook(site, "content/services/services.xlsx", """
        ws.append(["サービス名", "事業者名", "登録年月日", "サービス種別", "審査登録機関"])
        ws.append(["A", "甲", "2024年12月32日", "監査", "X"])
        ws.append([])
        ws.append(["B", "乙", datetime.date(2024, 1, 5), "量子診断", "X"])
        ws.append(["C", "丙", datetime.date(2024, 1, 6), "監査", "X"])
        ws["E5"] = '=UPPER("x")'
        """)
        #expect(await site.failure() == [
            "content/services/services.xlsx:Sheet1!E5: warning: a formula: its last computed value is used; paste values instead [W0433]",
            "content/services/services.xlsx:Sheet1!C2: error: registered_on '2024年12月32日' is not a date (2024/12/12, 2024-12-12 or an Excel date number) [E0402]",
            "content/services/services.xlsx:Sheet1!D4: error: unknown category '量子診断'; valid: audit (情報セキュリティ監査サービス), vulnerability (脆弱性診断サービス); a name the list uses for one of them can be added to its aliases in services/categories.yml [E0401]",
        ].sorted())
        #expect(!FileManager.default.fileExists(atPath: site.url("output").path))

        try workbook(site, "content/services/services.xlsx", """
        ws.append(["サービス名", "事業者名", "登録年月日", "サービス種別", "審査登録機関"])
        ws.merge_cells("A1:B1")
        """)
        #expect(await site.failure() == ["content/services/services.xlsx:Sheet1!A1:B1: error: merged cells in the header row: unmerge them so that each heading names one column [E0428]"])
    }

    @Test("a merged title row above the headings is passed over; cells keep their own references")
    func titleRow() async throws {
        let site = try workbookSite()
        defer { site.cleanUp() }
        try workbook(site, "content/services/services.xlsx", """
        ws.append(["情報セキュリティサービス基準適合サービスリスト（2024年12月時点）"])
        ws.merge_cells("A1:E1")
        ws.append([])
        ws.append(["サービス名", "事業者名", "登録年月日", "サービス種別", "審査登録機関"])
        ws.append(["A", "甲", datetime.date(2024, 1, 5), "監査", "X"])
        ws.append(["B", "乙", "2024年1月32日", "監査", "X"])
        """)
        #expect(await site.failure() == [
            "content/services/services.xlsx:Sheet1!C5: error: registered_on '2024年1月32日' is not a date (2024/12/12, 2024-12-12 or an Excel date number) [E0402]",
        ])
    }

    @Test("a damaged or password-protected workbook, or both a CSV and a workbook, is a clear error", arguments: [
        ("garbage", Data("not a zip".utf8)),
        ("password-protected (an OLE compound file)", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)),
    ])
    func damaged(_ c: (String, Data)) async throws {
        let site = try workbookSite()
        defer { site.cleanUp() }
        try site.write("content/services/services.xlsx", c.1)
        #expect(await site.failure() == ["content/services/services.xlsx: error: is not a readable .xlsx workbook (damaged, or protected with a password: save an unprotected copy) [E0418]"])
        try site.write("content/services/services.csv", csvHeader)
        #expect(await site.failure() == ["content/services/services.xlsx: error: both services.csv and services.xlsx are in services/: keep the one with the current list [E0406]"])
    }

    @Test("workbooks that crashed or hung the reader under make fuzz are clear errors", arguments: [
        "xlsx-memoryfile-range.xlsx",  // ZIPFoundation's in-memory archive trapped on a range
        "xlsx-xml-not-utf8.xlsx",      // a sheet with a bad CRC and bytes that are not UTF-8: XMLParser trapped
        "xlsx-deflate-never-ends.xlsx", // a cut deflate stream: ZIPFoundation read past the end for ever
    ])
    func fuzzFindings(_ name: String) async throws {
        let site = try workbookSite()
        defer { site.cleanUp() }
        try site.write("content/services/services.xlsx", try Data(contentsOf: TestSite.fixtures.appendingPathComponent("fuzz/" + name)))
        let failures = await site.failure()
        #expect(failures.count == 1 && failures[0].hasPrefix("content/services/services.xlsx: error: is"), "\(failures)")
    }

    @Test("cell references read as spreadsheets write them")
    func references() {
        #expect(XlsxReader.position("C12")! == (2, 12))
        #expect(XlsxReader.position("AA1")! == (26, 1))
        #expect(XlsxReader.position("1A") == nil)
        #expect(RegistryRow.columnName(0) == "A" && RegistryRow.columnName(26) == "AA" && RegistryRow.columnName(27) == "AB")
    }
}
