import Foundation
import Testing
@testable import PortalKit

/// Example data says so: a banner on every page showing it, a warning per file (so --strict
/// refuses it), the registry's source and date next to its counts, and the scheme's own words.
@Suite struct SampleDataTests {
    @Test("the shipped registry and reports are marked sample: banners, warnings, --strict refuses")
    func shippedSampleIsLabelled() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        let summary = try await site.build()
        let sampleWarnings = summary.warnings.filter { $0.message.hasPrefix("sample data (sample: true)") }.map(\.path)
        #expect(sampleWarnings == ["content/reports/maturity.yml", "content/reports/risk.yml"])
        // The registry's flag is in site.yml: its warning points where it is changed.
        #expect(summary.warnings.map(\.description).contains(
            "content/site.yml:12:11: warning: 'content/services/services.csv' is sample data (registry.sample: true, here): every page of the list carries a banner saying so; put the real list in and set this to false before publishing [W0610]"))
        let registryPages = site.outputFiles().filter { $0.hasPrefix("services/") && $0.hasSuffix(".html") }
        #expect(registryPages.count >= 6)
        for page in registryPages + ["reports/risk.html", "reports/maturity.html"] {
            let html = try #require(site.read("output/" + page))
            #expect(html.contains("<p class=\"sample-banner\" role=\"note\"><strong>サンプル</strong>これはサンプルデータです。"), "\(page)")
            // The sample list copies the published counts; its names are what is made up.
            if page.hasPrefix("services/") { #expect(html.contains("サービス名・事業者・URL は架空のもので"), "\(page)") }
        }
        for page in ["index.html", "guidance/overview.html", "contacts.html"] {
            #expect(site.read("output/" + page)?.contains("sample-banner") == false, "\(page)")
        }
        // The links to those pages say so as well: a count on the home page is not the real list's.
        let tag = "</a> <span class=\"sample-tag\">サンプル</span></li>"
        let home = try #require(site.read("output/index.html"))
        #expect(home.contains("基準適合サービス一覧（339件）" + tag))
        #expect(home.contains("リスク評価" + tag))
        #expect(home.contains("重要10項目の成熟度" + tag))
        #expect(home.components(separatedBy: "sample-tag").count - 1 == 3)
        let map = try #require(site.read("output/sitemap.html"))
        #expect(map.contains("一覧と絞り込み" + tag))
        #expect(map.contains("脆弱性診断サービス" + tag))
        #expect(map.contains("リスク評価" + tag))
        #expect(!map.contains("連絡先" + tag) && !map.contains("用語集" + tag))
        let failures = await site.failure(strict: true)
        #expect(failures.contains { $0.hasPrefix("content/site.yml:12:11: error: 'content/services/services.csv' is sample data") })
    }

    @Test("the registry cites its source and the date it is as of; 認定 appears on no registry page")
    func sourceAndWords() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try site.edit("content/site.yml", replacing: "  # source_url: https://…", with: "  source_url: https://www.example.org/list")
        try await site.build()
        let pages = site.outputFiles().filter { $0.hasPrefix("services/") && $0.hasSuffix(".html") }
        #expect(pages.count >= 6, "\(pages)")
        // On every page of the list (a category page is often the one read or printed); for the
        // shipped sample, as what the sample was made from: its rows are not the source's.
        let link = "<a class=\"external\" href=\"https://www.example.org/list\" rel=\"noopener noreferrer\">IPA 情報セキュリティサービス基準適合サービスリスト"
        for page in pages {
            let html = try #require(site.read("output/" + page))
            #expect(html.contains("このサンプルの元にした資料：" + link) && html.contains("（2024年12月現在）"), "\(page)")
            #expect(!html.contains("出典："), "\(page) cites its sample rows as the source's")
            #expect(!html.contains("認定"), "\(page) says 認定")
        }
        #expect(site.read("output/index.html")?.contains("認定") == false)
        try site.edit("content/site.yml", replacing: "  sample: true", with: "  sample: false")
        try await site.build()
        for page in pages {
            #expect(site.read("output/" + page)?.contains("出典：" + link) == true, "\(page)")
        }
    }

    @Test("registry.as_of and source_url are checked at their line", arguments: [
        ("  as_of: 2024-12", "  as_of: 12月", "registry.as_of must be a year and month (2024-12) or a date (2024-12-12), not '12月' [E0121]"),
        ("  # source_url: https://…", "  source_url: javascript:alert(1)", "registry.source_url must be an http(s) address, not 'javascript:alert(1)' [E0122]"),
    ])
    func badConfig(_ edit: (String, String, String)) async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try site.edit("content/site.yml", replacing: edit.0, with: edit.1)
        let failures = await site.failure()
        #expect(failures.contains { $0.hasPrefix("content/site.yml:") && $0.hasSuffix("error: " + edit.2) }, "\(failures)")
    }

    @Test("as-of dates read as Japanese readers write them")
    func asOf() {
        #expect(SampleData.asOfLabel("2024-12") == "2024年12月現在")
        #expect(SampleData.asOfLabel("2024-12-12") == "2024年12月12日現在")
        #expect(SampleData.asOfLabel("2024-13") == nil)
        #expect(SampleData.asOfLabel("24-12") == nil)
    }

    @Test("a guidance page marked sample says so on the page and in the build; --strict refuses it")
    func samplePage() async throws {
        let page = "---\ntitle: 例\nupdated: 2024-12-12\nsample: true\n---\n本文\n"
        let site = try TestSite(["content/site.yml": TestSite.minimalSite, "content/guidance/example.md": page,
                                 "content/guidance/real.md": page.replacingOccurrences(of: "sample: true\n", with: "")])
        defer { site.cleanUp() }
        let summary = try await site.build()
        #expect(summary.warnings.map { "\($0.path): \($0.message)" }.filter { $0.contains("sample data") }.map { String($0.prefix(33)) }
                == ["content/guidance/example.md: samp"])
        #expect(site.read("output/guidance/example.html")?.contains("<strong>サンプル</strong>これはサンプルのページです。") == true)
        #expect(site.read("output/guidance/real.html")?.contains("sample-banner") == false)
        // Wherever the page is listed, its link says so; the real page's link does not.
        for list in ["index.html", "guidance/index.html", "sitemap.html"] {
            let html = try #require(site.read("output/" + list))
            #expect(html.contains(">例</a> <span class=\"sample-tag\">サンプル</span>"), "\(list)")
            #expect(html.components(separatedBy: "sample-tag").count - 1 == (list == "index.html" ? 2 : 1), "\(list)")
        }
        #expect(await site.failure(strict: true).contains { $0.hasPrefix("content/guidance/example.md: error: sample data") })
    }

    @Test("example addresses and fill-in marks in data not marked sample are warned about, once per registry")
    func exampleData() async throws {
        let csv = csvHeader + "s1,A,P1,audit,,2024-01-01,R,https://www.example.com/a,x\ns2,B,〇〇株式会社,audit,,2024-01-01,R,,y\ns3,C,P3,audit,,2024-01-01,R,https://www.ipa.go.jp/,z\n"
        let contacts = """
        groups:
          - id: report
            title: 通報
            entries:
              - organization: 〇〇警察署
                purpose: 通報
                url: https://police.example/
              - organization: 自社 CSIRT
                purpose: 連絡
                email: csirt@example.co.jp
              - organization: 記入例
                purpose: 連絡
                email: someone@example.org
                placeholder: true

        """
        let site = try registrySite(csv, extra: ["content/site.yml": TestSite.minimalSite, "content/contacts.yml": contacts])
        defer { site.cleanUp() }
        let summary = try await site.build()
        let lines = summary.warnings.map { "\($0.path):\($0.line ?? 0): \($0.message)" }
        #expect(lines.contains("content/services/services.csv:2: 2 of 3 rows look like example data ('https://www.example.com/a' here): put in the list as published, or set registry.sample: true in site.yml so that its pages say it is a sample"))
        #expect(lines.contains { $0.hasPrefix("content/contacts.yml:5: organization '〇〇警察署' still holds the fill-in mark '〇〇'") })
        #expect(lines.contains { $0.hasPrefix("content/contacts.yml:7: url 'https://police.example/' is an example address") })
        // example.co.jp is a real company's domain; a placeholder entry is reported as one, once.
        #expect(!lines.contains { $0.contains("example.co.jp") || $0.contains("someone@example.org") })
        #expect(ExampleText.isExampleAddress("https://user@sub.example.net:8080/x"))
        #expect(!ExampleText.isExampleAddress("https://example.com.evil.jp/"))
    }

    @Test("the first steps come in one order on the incident sheet, in after-damage and in its figure; the sheet carries the national contacts")
    func oneOrderOfFirstSteps() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try await site.build()
        // Each step by a word it is named with; the order each text names them in.
        let steps = ["切り離", "社内の窓口", "警察に通報", "ログを保全", "専門機関", "バックアップ"]
        func order(_ html: String) -> [String] {
            // As read: glossary links and emphasis may cut through a step's words.
            let text = html.replacing(/<[^>]+>/, with: "")
            return steps.compactMap { step in text.range(of: step).map { (step, $0.lowerBound) } }.sorted { $0.1 < $1.1 }.map(\.0)
        }
        func section(_ html: String, from start: String, to end: String) throws -> String {
            let a = try #require(html.range(of: start))
            if end.isEmpty { return String(html[a.upperBound...]) }
            let b = try #require(html.range(of: end, range: a.upperBound..<html.endIndex))
            return String(html[a.upperBound..<b.lowerBound])
        }
        let sheet = try #require(site.read("output/incident.html"))
        let guide = try #require(site.read("output/guidance/after-damage.html"))
        let figure = try #require(site.read("output/guidance/images/reporting-flow.svg"))
        #expect(order(try section(try section(sheet, from: "id=\"first-steps\"", to: "</ol>"), from: "<ol>", to: "")) == steps)
        #expect(order(try section(try section(guide, from: "id=\"first-steps\"", to: "</ol>"), from: "<ol>", to: "")) == steps)
        let boxes = try section(figure, from: "</defs>", to: "</svg>")
        // The figure's boxes are numbered: each step in its own box, in the same order.
        let numbered = ["1. 切り離す", "2. 社内の窓口", "3. 警察に通報", "4. ログを保全", "5. 専門機関", "6. バックアップ"]
        let places = numbered.map { boxes.range(of: $0)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil }, "\(places)")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted())
        // The printed sheet names the national contacts that contacts.yml holds.
        let contacts = try section(sheet, from: "id=\"incident-contacts-title\"", to: "id=\"incident-writein-title\"")
        for organization in ["都道府県警察", "経済産業省", "警察庁", "独立行政法人情報処理推進機構（IPA）", "JPCERT/CC"] {
            #expect(contacts.contains(organization), "\(organization)")
        }
        #expect(contacts.contains("03-3501-1511"))
    }
}
