import Foundation
import PortalMarkdown
import Testing
@testable import PortalKit

/// The glossary kind: a 50音-indexed page, a search document per term, aliases as synonyms, and
/// the first use of a term on a guidance page linked to its entry.
@Suite struct GlossaryTests {
    static let glossary = """
    terms:
      - term: ランサムウェア
        reading: らんさむうぇあ
        definition: データを暗号化して身代金を求める不正プログラム。詳しくは[別ページ](guidance/b.md)。
        aliases: [身代金要求型ウイルス]
        see_also: [VPN, 脆弱性]
      - term: VPN
        definition: 社内ネットワークへ暗号化した経路でつなぐ仕組み。
        aliases: [VPN機器]
      - term: 脆弱性
        reading: ぜいじゃくせい
        definition: 弱点。
        aliases: [ぜい弱性]
      - term: 脆弱性診断
        reading: ゼイジャクセイシンダン
        definition: 弱点を洗い出すサービス。
      - term: 多要素認証
        reading: たようそにんしょう
        definition: 二つ以上の要素で本人を確かめること。

    """

    static let pageA = """
    ---
    title: A
    updated: 2024-12-12
    ---
    ## ランサムウェアと脆弱性 {#top}

    ランサムウェアの多くはVPN機器の脆弱性診断で見つかる弱点や、VPNs ではない VPN を突きます。ランサムウェアは二度目はリンクしません。

    [ランサムウェアの説明](b.md) と `脆弱性` のコード。多要素認証も大切です。

    """

    static let pageB = "---\ntitle: B\nupdated: 2024-12-12\nlink_terms: false\n---\nランサムウェアの話。\n"

    func site() throws -> TestSite {
        try TestSite(["content/site.yml": TestSite.minimalSite, "content/glossary.yml": Self.glossary,
                      "content/guidance/a.md": Self.pageA, "content/guidance/b.md": Self.pageB])
    }

    @Test("glossary.html lists the terms under their 50音 row, then A–Z, with an index, aliases and see-also links")
    func page() async throws {
        let site = try site()
        defer { site.cleanUp() }
        try await site.build()
        let html = try #require(site.read("output/glossary.html"))
        // Rows in 50音 order: さ (ぜいじゃくせい, ゼイジャクセイシンダン), た (たようそ), ら (らんさむ), then A–Z (VPN).
        let order = ["<dfn>脆弱性</dfn>", "<dfn>脆弱性診断</dfn>", "<dfn>多要素認証</dfn>", "<dfn>ランサムウェア</dfn>", "<dfn>VPN</dfn>"]
        let places = order.compactMap { html.range(of: $0)?.lowerBound }
        #expect(places.count == order.count && places == places.sorted())
        #expect(html.contains("<li><a href=\"#index-3\">さ</a></li>"))
        #expect(html.contains("<li><span aria-disabled=\"true\">か</span></li>"))
        #expect(html.contains("<h2 id=\"index-11\">A–Z</h2>"))
        #expect(html.contains("別の表記：身代金要求型ウイルス"))
        #expect(html.contains("関連：<a href=\"#term-vpn\">VPN</a>"))
        // Definitions are Markdown with checked links, relative to the glossary page.
        #expect(html.contains("<a href=\"guidance/b.html\">別ページ</a>"))
        #expect(site.read("output/index.html")?.contains("<a href=\"glossary.html\">用語集</a>") == true)
        #expect(site.read("output/sitemap.html")?.contains("<h2>資料</h2>") == true)
    }

    @Test("a term's first use in running text links to its entry: once, longest word first, whole Latin words, not in headings, links or code")
    func firstUse() async throws {
        let site = try site()
        defer { site.cleanUp() }
        try await site.build()
        let html = try #require(site.read("output/guidance/a.html"))
        let links = html.matches(of: /<a class="term" href="([^"]+)">([^<]+)<\/a>/).map { "\($0.2) → \($0.1)" }
        #expect(links == [
            "ランサムウェア → ../glossary.html#term-%E3%83%A9%E3%83%B3%E3%82%B5%E3%83%A0%E3%82%A6%E3%82%A7%E3%82%A2",
            "VPN機器 → ../glossary.html#term-vpn",
            "脆弱性診断 → ../glossary.html#term-%E8%84%86%E5%BC%B1%E6%80%A7%E8%A8%BA%E6%96%AD",
            "多要素認証 → ../glossary.html#term-%E5%A4%9A%E8%A6%81%E7%B4%A0%E8%AA%8D%E8%A8%BC",
        ])
        #expect(html.contains("<h2 id=\"top\">\nランサムウェアと脆弱性\n</h2>"))
        #expect(html.contains("<code>脆弱性</code>"))
        // The page that opts out keeps its text plain; the glossary links to it all the same.
        #expect(site.read("output/guidance/b.html")?.contains("class=\"term\"") == false)
    }

    @Test("each term is a search document, and its aliases find it", arguments: [("身代金要求型ウイルス", "ランサムウェア"), ("ぜい弱性", "脆弱性"), ("らんさむうぇあ", "ランサムウェア")])
    func search(_ c: (query: String, term: String)) async throws {
        var log = DiagnosticLog()
        let site = try site()
        defer { site.cleanUp() }
        let loaded = try #require(await SiteLoader.load(ContentFolder(root: site.url("content"), displayRoot: "content"), log: &log))
        let templates = try #require(TemplateSet.load(from: site.url("templates"), displayRoot: "templates", log: &log))
        let output = await SiteRenderer(templates: templates).render(loaded, log: &log)
        #expect(!log.hasErrors, "\(log.entries)")
        let terms = output.searchDocuments.filter { $0.kind == .term }
        #expect(terms.count == 5)
        #expect(loaded.synonyms.groups.contains(["ランサムウェア", "身代金要求型ウイルス"]))
        let results = await SearchIndex.build(output.searchDocuments).search(c.query, synonyms: loaded.synonyms)
        let docs = output.searchDocuments
        #expect(results.prefix(3).contains { r in r.documents.contains { docs[$0].kind == .term && docs[$0].title == c.term } }, "\(c.query)")
    }

    @Test("mistakes in glossary.yml are errors at their line, all in one run", arguments: [
        ("  - term: 多要素認証\n    reading: たようそにんしょう\n", "  - term: 多要素認証\n", "glossary.yml:17:11: error: term '多要素認証' needs reading: (in kana) to be placed in the 50音 index [E0814]"),
        ("reading: たようそにんしょう", "reading: tayouso", "glossary.yml:18:14: error: reading 'tayouso' must be written in hiragana or katakana [E0815]"),
        ("aliases: [VPN機器]", "aliases: [VPN機器, ぜい弱性]", "glossary.yml:13:14: error: 'ぜい弱性' is already a word of 'VPN' (line 7); a word may belong to one entry only [E0816]"),
        ("see_also: [VPN, 脆弱性]", "see_also: [VPN, 脆弱性, SOC]", "glossary.yml:6:15: error: see_also 'SOC' is not a term of the glossary [E0817]"),
    ])
    func mistakes(_ c: (String, String, String)) async throws {
        let site = try site()
        defer { site.cleanUp() }
        try site.edit("content/glossary.yml", replacing: c.0, with: c.1)
        let errors = await site.failure()
        // The one mistake and nothing else: an entry left out is still a known term for see_also.
        #expect(errors == ["content/" + c.2])
    }

    @Test("the matcher scans once: longest word at a place, each term once, Latin words whole")
    func matcher() {
        let m = TermMatcher([.init(words: ["脆弱性"], destination: "a"), .init(words: ["脆弱性診断"], destination: "b"), .init(words: ["SOC"], destination: "c")])
        var used = m.unused()
        // Byte offsets: "SOCKS と" is 9 bytes, each kanji 3.
        let uses = m.uses(in: "SOCKS と脆弱性診断と脆弱性と SOC", skipping: &used)
        #expect(uses.map { [$0.range.lowerBound, $0.range.upperBound, $0.term] } == [[9, 24, 1], [27, 36, 0], [40, 43, 2]])
        #expect(m.uses(in: "脆弱性", skipping: &used).isEmpty)
        var none = m.unused()
        #expect(m.uses(in: "🔒脆弱性", skipping: &none).map(\.term) == [0])
        // Katakana words are whole too: ログ is not in プログラム or ログイン, but is in ログ保全.
        let log = TermMatcher([.init(words: ["ログ"], destination: "l")])
        var fresh = log.unused()
        #expect(log.uses(in: "プログラムとログインのログ保全", skipping: &fresh).map { [$0.range.lowerBound, $0.range.upperBound] } == [[33, 39]])
    }
}
