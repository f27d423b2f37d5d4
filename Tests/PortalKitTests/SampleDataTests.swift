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
        #expect(sampleWarnings == ["content/reports/maturity.yml", "content/reports/risk.yml", "content/services/services.csv"])
        let registryPages = site.outputFiles().filter { $0.hasPrefix("services/") && $0.hasSuffix(".html") }
        #expect(registryPages.count >= 6)
        for page in registryPages + ["reports/risk.html", "reports/maturity.html"] {
            let html = try #require(site.read("output/" + page))
            #expect(html.contains("<p class=\"sample-banner\" role=\"note\"><strong>サンプル</strong>これはサンプルデータです。"), "\(page)")
        }
        for page in ["index.html", "guidance/overview.html", "contacts.html"] {
            #expect(site.read("output/" + page)?.contains("sample-banner") == false, "\(page)")
        }
        let failures = await site.failure(strict: true)
        #expect(failures.contains { $0.hasPrefix("content/services/services.csv: error: sample data (sample: true)") })
    }

    @Test("the registry cites its source and the date it is as of; 認定 appears on no registry page")
    func sourceAndWords() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try site.edit("content/site.yml", replacing: "  # source_url: https://…", with: "  source_url: https://www.example.org/list")
        try await site.build()
        let index = try #require(site.read("output/services/index.html"))
        #expect(index.contains("出典：<a class=\"external\" href=\"https://www.example.org/list\" rel=\"noopener noreferrer\">IPA 情報セキュリティサービス基準適合サービスリスト"))
        #expect(index.contains("（2024年12月現在）"))
        for page in site.outputFiles() where page.hasPrefix("services/") && page.hasSuffix(".html") {
            #expect(site.read("output/" + page)?.contains("認定") == false, "\(page) says 認定")
        }
        #expect(site.read("output/index.html")?.contains("認定") == false)
    }

    @Test("registry.as_of and source_url are checked at their line", arguments: [
        ("  as_of: 2024-12", "  as_of: 12月", "registry.as_of must be a year and month (2024-12) or a date (2024-12-12), not '12月'"),
        ("  # source_url: https://…", "  source_url: javascript:alert(1)", "registry.source_url must be an http(s) address, not 'javascript:alert(1)'"),
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
}
