import Foundation
import Testing
@testable import PortalKit

/// `content/search/synonyms.yml`: validated at its lines, carried to the page in search/words.js.
@Suite struct SynonymsTests {
    @Test("every mistake in synonyms.yml is reported at its line, and the good groups are kept")
    func mistakes() {
        let text = """
        groups:
          - [脆弱性, ぜい弱性]
          - [電話]
          - 身代金
          - [PW, パスワード, P]
          - [ペンテスト, ぜい弱性]
          - [ｖｐｎ, VPN, 仮想専用線]
        extra: 1
        """
        var log = DiagnosticLog()
        let table = SynonymsLoader.load(text, path: "content/search/synonyms.yml", log: &log)
        #expect(log.entries.map(\.description) == [
            "content/search/synonyms.yml:8:1: error: unknown key 'extra'; known keys: groups [E0102]",
            "content/search/synonyms.yml:3:5: error: a group needs at least two words [E0813]",
            "content/search/synonyms.yml:4:5: error: each group must be a list of words, e.g. [脆弱性, ぜい弱性] [E0808]",
            "content/search/synonyms.yml:5:17: error: 'P' is too short: a one-character word would match too many pages [E0810]",
            "content/search/synonyms.yml:6:13: error: 'ぜい弱性' is already in the group on line 2 (as 'ぜい弱性'); a word may belong to one group only [E0812]",
            "content/search/synonyms.yml:7:11: warning: 'VPN' appears twice in this group (spellings that differ only in width, case or small kana are already found alike) [W0811]",
        ])
        #expect(table.groups == [["脆弱性", "ぜい弱性"], ["PW", "パスワード"], ["ｖｐｎ", "仮想専用線"]])
    }

    @Test("a site's synonyms reach the page and expand queries")
    func reachThePage() async throws {
        let site = try TestSite([
            "content/guidance/a.md": page("ランサムウェアの被害", body: "ランサムウェアに感染したら通報します。\n"),
            "content/search/synonyms.yml": "groups:\n  - [身代金, ランサムウェア]\n",
        ])
        defer { site.cleanUp() }
        try await site.build()
        let words = try #require(site.read("output/search/words.js"))
        #expect(words.contains("\"synonyms\":[[\"身代金\",\"ランサムウェア\"]]"))
        #expect(site.read("output/guidance/a.html")?.contains("<script src=\"../search/words.js\"></script>") == true)
        try site.write("content/search/synonyms.yml", "groups:\n  - [身代金]\n")
        #expect(await site.failure() == ["content/search/synonyms.yml:2:5: error: a group needs at least two words [E0813]"])
    }
}
