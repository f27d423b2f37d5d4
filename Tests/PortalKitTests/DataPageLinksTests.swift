import Foundation
import Testing
@testable import PortalKit

/// Pages made from data (contacts, FAQ, the registry, reports) are linked from Markdown through
/// the file they are made from, as guidance pages are through their `.md`: checked, with their
/// anchors, and a link written to the output's page names the file to write instead.
@Suite struct DataPageLinksTests {
    static let page = """
    ---
    title: リンク
    updated: 2024-12-12
    ---
    [通報先](../contacts.yml#contacts-report)、[IPA](../contacts.yml#contact-response-1)、[質問](../faq.yml#police-recovery)、[一覧](../services/services.csv)、[リスク](../reports/risk.yml)、[成熟度](../reports/maturity.yml)、[用語集](../glossary.yml)

    """

    @Test("a link to contacts.yml, faq.yml, services.csv or a report becomes a link to its page, anchors checked")
    func linksResolve() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try site.write("content/guidance/links.md", Self.page)
        try await site.build()
        let html = try #require(site.read("output/guidance/links.html"))
        for href in ["../contacts.html#contacts-report", "../contacts.html#contact-response-1", "../faq.html#police-recovery",
                     "../services/index.html", "../reports/risk.html", "../reports/maturity.html", "../glossary.html"] {
            #expect(html.contains("<a href=\"\(href)\">"), "\(href)")
        }
        // The anchors linked exist on the pages.
        #expect(site.read("output/contacts.html")?.contains("id=\"contacts-report\"") == true)
        #expect(site.read("output/contacts.html")?.contains("id=\"contact-response-1\"") == true)
        #expect(site.read("output/faq.html")?.contains("id=\"police-recovery\"") == true)
    }

    @Test("a link to the output's page, or to an anchor that is not there, is an error that names the right one")
    func mistakes() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try site.write("content/guidance/links.md", """
        ---
        title: リンク
        updated: 2024-12-12
        ---
        [連絡先](../contacts.html) [一覧](../services/index.html) [質問](../faq.html) [通報先](../contacts.yml#report) [ガイド](overview.html)

        """)
        // The sample's own warnings (sample data, placeholders) aside.
        #expect(await site.failure().filter { $0.contains(": error: ") } == [
            "content/guidance/links.md:5:1: error: link to missing file '../contacts.html' (looked for contacts.html in the content folder); did you mean '../contacts.yml'? [E0303]",
            "content/guidance/links.md:5:25: error: link to missing file '../services/index.html' (looked for services/index.html in the content folder); did you mean '../services/services.csv'? [E0303]",
            "content/guidance/links.md:5:54: error: link to missing file '../faq.html' (looked for faq.html in the content folder); did you mean '../faq.yml'? [E0303]",
            "content/guidance/links.md:5:72: error: '../contacts.yml' has no entry with id 'report'; did you mean '#contacts-report'? [E0308]",
            "content/guidance/links.md:5:102: error: link to missing file 'overview.html' (looked for guidance/overview.html in the content folder); did you mean 'overview.md'? [E0303]",
        ])
    }
}
