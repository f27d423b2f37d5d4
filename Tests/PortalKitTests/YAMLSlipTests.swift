import Testing
@testable import PortalKit

/// The YAML slips of Japanese typing are named where they are, in words an editor knows, not
/// as libyaml's English a line further on.
@Suite struct YAMLSlipTests {
    static func diagnostics(_ text: String, lineOffset: Int = 1) -> [String] {
        var log = DiagnosticLog()
        _ = YAMLSource(path: "content/guidance/a.md", lineOffset: lineOffset).parse(text, log: &log)
        return log.entries.map { $0.text(.ja) }
    }

    @Test("each slip is reported at its own line and column, in Japanese", arguments: [
        ("title: 対応\nupdated：2026-12-05\ngroup: はじめに\n",
         "content/guidance/a.md:3:8: エラー: キーのあとの '：' が全角です。半角の ':' と半角スペースにしてください（例: title: …） [E0126]"),
        ("title: 対応\nupdated:　2026-12-05\ngroup: はじめに\n",
         "content/guidance/a.md:3:9: エラー: ':' のあとのスペースが全角です。半角スペースにしてください [E0127]"),
        ("sources:\n  - title: IPA\n  　url: https://www.ipa.go.jp/\n",
         "content/guidance/a.md:4:3: エラー: 行の始めに全角スペースがあります。字下げは半角スペースで書いてください [E0128]"),
        ("sources:\n\t- title: IPA\n",
         "content/guidance/a.md:3:1: エラー: 行の始めにタブがあります。字下げは半角スペースで書いてください [E0129]"),
    ])
    func slip(_ text: String, _ expected: String) {
        #expect(Self.diagnostics(text) == [expected])
    }

    @Test("a full-width colon or space inside a value is text, not a slip")
    func valuesAreText() {
        #expect(Self.diagnostics("title: 注意：必ず読む\nsummary: 一行目　二行目\nbody: |\n  　字下げした段落\n").isEmpty)
        // A real error elsewhere is libyaml's, worded in Japanese, not blamed on a value's '：'.
        #expect(Self.diagnostics("title: 注意：必ず読む\ntags: [a, b\n") == [
            "content/guidance/a.md:4:1: エラー: YAML の書き方に誤りがあります（[ … ] のリストが閉じていません（',' か ']' が足りません））。この行か、その前の行を確かめてください [E0101]",
        ])
    }

    @Test("English keeps libyaml's own words for what the table does not know")
    func english() {
        var log = DiagnosticLog()
        _ = YAMLSource(path: "x.yml").parse("a: [\n", log: &log)
        #expect(log.entries.map { $0.text(.en) }.allSatisfy { $0.contains("YAML syntax: ") })
        #expect(Message.yamlSyntax("something new").text(.ja).contains("（something new）"))
    }

    @Test("a list of names separated with 、 is one entry, and says so; other lists' entries may hold 、")
    func japaneseComma() {
        var log = DiagnosticLog()
        let source = YAMLSource(path: "content/site.yml")
        let map = YAMLMapping(source.parse("guidance_groups: [はじめに、インシデント対応]\ntags:\n  - 情報漏えい、対策\n", log: &log), source: source, what: .file("site.yml"), log: &log)
        #expect(map?.stringList("guidance_groups", namesOnly: true, log: &log) == ["はじめに、インシデント対応"])
        #expect(map?.stringList("tags", log: &log) == ["情報漏えい、対策"])
        #expect(log.entries.map { $0.text(.ja) } == ["content/site.yml:1:19: 警告: 'guidance_groups' の項目に「、」があります。[ … ] の項目は半角の ',' で区切るので（[a, b]）、これは 1 つの項目として読まれます [W0218]"])
    }
}
