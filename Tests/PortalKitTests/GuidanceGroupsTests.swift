import Foundation
import Testing
@testable import PortalKit

/// Guidance grouped by audience or task (site.yml's guidance_groups, a page's group:): the list in
/// sections, each page's breadcrumb naming its group, previous and next within the group.
@Suite struct GuidanceGroupsTests {
    static func page(_ title: String, group: String?, order: Int) -> String {
        "---\ntitle: \(title)\nupdated: 2024-12-12\norder: \(order)\n" + (group.map { "group: \($0)\n" } ?? "") + "---\n本文\n"
    }

    func site() throws -> TestSite {
        try TestSite([
            "content/site.yml": TestSite.minimalSite + "guidance_groups: [経営者向け, インシデント対応]\n",
            "content/guidance/a.md": Self.page("方針", group: "経営者向け", order: 1),
            "content/guidance/b.md": Self.page("体制", group: "経営者向け", order: 2),
            "content/guidance/c.md": Self.page("通報", group: "インシデント対応", order: 3),
            "content/guidance/d.md": Self.page("その他の話", group: nil, order: 4),
        ])
    }

    @Test("the guidance list has a section per group in site.yml's order; pages show their group and neighbours")
    func grouped() async throws {
        let site = try site()
        defer { site.cleanUp() }
        try await site.build()
        let index = try #require(site.read("output/guidance/index.html"))
        let headings = index.matches(of: /<h2 id="([^"]+)">([^<]+)<\/h2>/).map { "\($0.1) \($0.2)" }
        #expect(headings == ["group-1 経営者向け", "group-2 インシデント対応", "group-other その他"])
        let a = try #require(site.read("output/guidance/a.html"))
        #expect(a.contains("<li><a href=\"index.html#group-1\">経営者向け</a></li>"))
        // The groups as a second row of navigation, the page's own marked.
        #expect(a.contains("<nav class=\"group-nav\" aria-label=\"ガイダンスのグループ\"><ul><li><a href=\"index.html#group-1\" aria-current=\"true\">経営者向け</a></li><li><a href=\"index.html#group-2\">インシデント対応</a></li></ul></nav>"))
        #expect(a.contains("<a href=\"b.html\" rel=\"next\"><span class=\"pager-label\">次のページ</span>体制</a>"))
        #expect(!a.contains("rel=\"prev\""))
        let b = try #require(site.read("output/guidance/b.html"))
        #expect(b.contains("rel=\"prev\"><span class=\"pager-label\">前のページ</span>方針</a>") && !b.contains("rel=\"next\""))
        // The home page and the site map list the pages by group too.
        let home = try #require(site.read("output/index.html"))
        #expect(home.matches(of: /<h3 id="home-[^"]+">([^<]+)<\/h3>/).map { String($0.1) } == ["経営者向け", "インシデント対応", "その他"])
        let map = try #require(site.read("output/sitemap.html"))
        #expect(map.contains("<h2>ガイダンス：経営者向け</h2>") && map.contains("<h2>ガイダンス：インシデント対応</h2>"))
        // A group of one page has no pager; a page in no group neither.
        #expect(site.read("output/guidance/c.html")?.contains("class=\"pager\"") == false)
        #expect(site.read("output/guidance/d.html")?.contains("class=\"pager\"") == false)
    }

    @Test("a neighbour's new title renders the page that links to it again, in watch and with the cache")
    func neighbourTitle() async throws {
        let site = try site()
        defer { site.cleanUp() }
        var session = BuildSession()
        try await site.build(session: &session)
        try await site.build(output: "cached")
        try site.edit("content/guidance/b.md", replacing: "title: 体制", with: "title: 推進体制")
        try await site.build(session: &session)
        try await site.build(output: "cached")
        #expect(site.read("output/guidance/a.html")?.contains("次のページ</span>推進体制</a>") == true)
        #expect(site.read("cached/guidance/a.html")?.contains("次のページ</span>推進体制</a>") == true)
    }

    @Test("a group that site.yml does not list is an error naming the groups")
    func unknownGroup() async throws {
        let site = try site()
        defer { site.cleanUp() }
        try site.edit("content/guidance/c.md", replacing: "group: インシデント対応", with: "group: 事故対応")
        #expect(await site.failure() == ["content/guidance/c.md:1:1: error: group '事故対応' is not one of site.yml's guidance_groups (経営者向け、インシデント対応) [E0205]"])
    }
}
