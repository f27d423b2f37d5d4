import Testing
@testable import PortalKit

@Suite struct FrontMatterTests {
    @Test("splits at whole-line fences and counts the lines before the body")
    func split() throws {
        let fm = try FrontMatter.split("---\ntitle: A\nupdated: 2024-01-01\n---\nbody --- text\n---\nmore\n")
        #expect(fm.yaml == "title: A\nupdated: 2024-01-01")
        #expect(fm.bodyLineOffset == 4)
        #expect(fm.body == "body --- text\n---\nmore\n")
    }

    @Test("missing and unclosed front matter are told apart")
    func errors() {
        #expect(throws: FrontMatter.SplitError.missing) { try FrontMatter.split("# hi\n") }
        #expect(throws: FrontMatter.SplitError.unclosed) { try FrontMatter.split("---\ntitle: x\n") }
    }
}

@Suite struct CSVTests {
    @Test("RFC 4180: quotes, commas and line breaks inside fields, CRLF")
    func quoting() throws {
        let records = try CSV.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("errors carry their line", arguments: [
        ("a,b\nx\"y,z\n", 2),
        ("a,b\n\"open,z\n", 2),
        ("a\n\"q\"x\n", 2),
    ])
    func errors(text: String, line: Int) {
        #expect(throws: CSVError.self) { try CSV.parse(text) }
        do { _ = try CSV.parse(text) } catch { #expect(error.line == line) }
    }
}

@Suite struct PathTests {
    @Test("relative URLs between pages", arguments: [
        ("index.html", "guidance/a.html", "guidance/a.html"),
        ("guidance/a.html", "index.html", "../index.html"),
        ("guidance/a.html", "guidance/b.html", "b.html"),
        ("services/x/y.html", "guidance/b.html", "../../guidance/b.html"),
        ("index.html", "files/報告 書.pdf", "files/%E5%A0%B1%E5%91%8A%20%E6%9B%B8.pdf"),
    ])
    func relative(from: String, to: String, expected: String) {
        #expect(SitePath(from).relativeURL(to: SitePath(to)) == expected)
    }

    @Test("slugs: lower-case ASCII only", arguments: [
        ("incident-response", true), ("a_b-2", true), ("../etc", false), ("a/b", false), ("通報", false), ("Caps", false), ("", false),
    ])
    func slugs(value: String, valid: Bool) {
        #expect((Slug(value) != nil) == valid)
    }

    @Test("dates: strict YYYY-MM-DD, real days only", arguments: [
        ("2024-12-12", true), ("2024-02-29", true), ("2023-02-29", false), ("2024-13-01", false), ("2024/12/12", false), ("24-12-12", false), ("2024-1-5", false),
    ])
    func dates(text: String, valid: Bool) {
        #expect((LocalDate(parsing: text) != nil) == valid)
    }

    @Test("dates as Japanese documents write them: 年月日, the 令和 and 平成 eras (元年), full-width digits", arguments: [
        ("2025年1月5日", "2025-01-05"), ("２０２５年１月５日", "2025-01-05"), ("令和7年1月5日", "2025-01-05"), ("令和元年5月1日", "2019-05-01"),
        ("平成31年4月30日", "2019-04-30"), (" 令和６年１２月１２日 ", "2024-12-12"),
        ("令和7年2月29日", nil), ("2025年1月", nil), ("令和0年1月1日", nil), ("昭和64年1月7日", nil), ("2025年1月5日まで", nil), ("2025-01-05", nil),
    ] as [(String, String?)])
    func japaneseDates(text: String, date: String?) {
        #expect(LocalDate(japanese: text)?.description == date)
    }

    @Test("only http(s), mailto and tel links are kept")
    func schemes() {
        #expect(URLText.isAllowedExternal("https://www.ipa.go.jp/"))
        #expect(URLText.isAllowedExternal("mailto:a@example.jp"))
        #expect(URLText.isAllowedExternal("tel:03-0000-0000"))
        #expect(!URLText.isAllowedExternal("javascript:alert(1)"))
        #expect(!URLText.isAllowedExternal("JaVaScRiPt:alert(1)"))
        #expect(!URLText.isAllowedExternal("data:text/html,x"))
        #expect(!URLText.isAllowedExternal("https:"))
        #expect(URLText.scheme(of: "guidance/a.md") == nil)
    }
}
