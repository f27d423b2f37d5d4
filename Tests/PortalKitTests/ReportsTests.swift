import Foundation
import Testing
@testable import PortalKit

@Suite struct ReportsTests {
    static let risk = """
    likelihood: [低, 中, 高]
    impact: [低, 中, 高]
    matrix:
      高: {高: 3, 中: 2, 低: 2}
      中: {高: 2, 中: 2, 低: 1}
      低: {高: 2, 中: 1, 低: 1}
    level_names: {1: 低, 2: 中, 3: 高}
    register:
      - {分類: A, 攻撃手法: a, 対象システム: PC, 発生可能性: 低, 影響: 低}
      - {分類: B, 攻撃手法: b, 対象システム: サーバ, 発生可能性: 高, 影響: 高}
      - {分類: A, 攻撃手法: c, 対象システム: PC, 発生可能性: 中, 影響: 中}

    """

    static func maturity(levels: String = "{1: 2, 2: 2, 3: 1, 4: 2, 5: 2, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1}", directives: String? = nil, extraScale: String = "") -> String {
        let ds = directives ?? (1...10).map { "  - {id: \($0), title: 指示\($0)の題}" }.joined(separator: "\n")
        return """
        scale:
          - {level: 1, name: 未着手}
          - {level: 2, name: 一部}
          - {level: 3, name: 全社}
          - {level: 4, name: 見直し}
          - {level: 5, name: 改善}
        \(extraScale)directives:
        \(ds)
        assessments:
          - date: 2024-04-01
            levels: {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1}
          - date: 2024-12-12
            levels: \(levels)
            target: {1: 4, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 4, 8: 3, 9: 3, 10: 3}

        """
    }

    @Test("risk: every level computed from the matrix, register sorted by risk, heat map with text and counts")
    func riskPage() async throws {
        let site = try TestSite(["content/reports/risk.yml": Self.risk])
        defer { site.cleanUp() }
        try await site.build()
        let html = try #require(site.read("output/reports/risk.html"))
        let rows = html.components(separatedBy: "<tr data-category=").dropFirst().map { String($0.prefix(40)) }
        #expect(rows.map { $0.contains("\"B\"") } == [true, false, false])
        #expect(html.contains("<span class=\"risk-badge heat-3\">3 高</span> 1件"))
        #expect(html.contains("<span class=\"risk-value\">3</span> <span class=\"risk-name\">高</span><span class=\"risk-count\">（1件）</span>"))
        #expect(html.contains("table-filter.js"))
    }

    @Test("maturity: radar of the latest with previous and target, a table and the largest gaps")
    func maturityPage() async throws {
        let site = try TestSite(["content/reports/maturity.yml": Self.maturity()])
        defer { site.cleanUp() }
        try await site.build()
        let html = try #require(site.read("output/reports/maturity.html"))
        #expect(html.contains("<svg class=\"radar\" role=\"img\""))
        #expect(html.contains("series-latest"))
        #expect(html.contains("series-previous"))
        #expect(html.contains("series-target"))
        #expect(html.contains("<li>指示7 指示7の題：現在 1 → 目標 4（差 3）</li>"))
        #expect(html.contains("<th scope=\"row\">指示1 指示1の題</th><td class=\"num\">2（一部）</td>"))
    }

    static let cases: [SiteCase] = [
        SiteCase(name: "level name not on the scale",
             files: ["content/reports/risk.yml": risk.replacingOccurrences(of: "発生可能性: 中, 影響: 中}", with: "発生可能性: 特大, 影響: 中}")],
             expected: ["content/reports/risk.yml:11:41: error: 発生可能性 '特大' is not on the scale; valid: 低, 中, 高 [E0822]"]),
        SiteCase(name: "matrix with a missing cell",
             files: ["content/reports/risk.yml": risk.replacingOccurrences(of: "中: {高: 2, 中: 2, 低: 1}", with: "中: {高: 2, 中: 2}")],
             expected: ["content/reports/risk.yml:5:6: error: matrix: cell 発生可能性 '中' × 影響 '低' is missing; give it a risk value (1 = lowest) [E0820]"]),
        SiteCase(name: "directive id outside 1–10",
             files: ["content/reports/maturity.yml": maturity(directives: (1...9).map { "  - {id: \($0), title: t}" }.joined(separator: "\n") + "\n  - {id: 11, title: t}")],
             expected: ["content/reports/maturity.yml:7:1: error: directives: 10 missing; list all ten [E0828]",
                        "content/reports/maturity.yml:17:10: error: directive id 11 is outside 1–10; the guideline has directives 1 to 10 [E0825]"]),
        SiteCase(name: "directive id repeated",
             files: ["content/reports/maturity.yml": maturity(directives: (1...10).map { "  - {id: \($0 == 10 ? 9 : $0), title: t}" }.joined(separator: "\n"))],
             expected: ["content/reports/maturity.yml:7:1: error: directives: 10 missing; list all ten [E0828]",
                        "content/reports/maturity.yml:17:10: error: directive id 9 is repeated; each of 1 to 10 appears once [E0826]"]),
        SiteCase(name: "level outside 1–5",
             files: ["content/reports/maturity.yml": maturity(levels: "{1: 7, 2: 2, 3: 1, 4: 2, 5: 2, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1}")],
             expected: ["content/reports/maturity.yml:22:17: error: levels: directive 1 has level 7; levels are 1–5 (1 未着手, 2 一部, 3 全社, 4 見直し, 5 改善) [E0831]"]),
    ]

    @Test("bad report data: errors at their line with the valid values", arguments: cases)
    func badInput(_ c: SiteCase) async throws {
        let site = try TestSite(c.files)
        defer { site.cleanUp() }
        let errors = await site.failure()
        #expect(errors == c.expected)
    }
}

@Suite struct CheckTests {
    @Test("check: review reminders from the injected date, duplicate titles, nothing written")
    func check() async throws {
        let site = try TestSite([
            "content/site.yml": "title: T\nreview_after_days: 30\n",
            "content/guidance/a.md": page("同じ題", updated: "2024-01-01"),
            "content/guidance/b.md": page("同じ題", updated: "2024-03-01"),
        ])
        defer { site.cleanUp() }
        let report = await SiteChecker.check(content: site.url("content"), contentDisplay: "content", templates: site.url("templates"),
                                             templatesDisplay: "templates", today: LocalDate(year: 2024, month: 3, day: 15)!)
        #expect(report.diagnostics.map(\.description) == [
            "content/guidance/a.md:3:10: warning: last updated 2024-01-01 (74 days ago, over review_after_days: 30): review the page and update its date [W0215]",
            "content/guidance/b.md:1:1: warning: title '同じ題' is also the title of content/guidance/a.md; readers cannot tell them apart in lists and search [W0216]",
        ])
        #expect(report.errorCount == 0)
        #expect(!FileManager.default.fileExists(atPath: site.url("output").path))
        let json = try JSONSerialization.jsonObject(with: Data(SiteChecker.json(report).utf8)) as! [String: Any]
        #expect(json["version"] as? Int == 1)
        #expect(json["warnings"] as? Int == 2)
        #expect((json["diagnostics"] as? [[String: Any]])?.first?["line"] as? Int == 3)
    }

    @Test("check reports broken links as errors")
    func brokenLinks() async throws {
        let site = try TestSite(["content/guidance/a.md": page(body: "[x](nope.md)\n")])
        defer { site.cleanUp() }
        let report = await SiteChecker.check(content: site.url("content"), contentDisplay: "content", templates: site.url("templates"),
                                             templatesDisplay: "templates", today: LocalDate(year: 2024, month: 12, day: 12)!)
        #expect(report.diagnostics.map(\.description) == ["content/guidance/a.md:5:1: error: link to missing page 'nope.md' [E0301]"])
    }
}
