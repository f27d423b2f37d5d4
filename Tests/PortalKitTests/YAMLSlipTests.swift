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
        ("title: 対応\nreview_after_days:365\ngroup: はじめに\n",
         "content/guidance/a.md:3:19: エラー: キーのあとの ':' に半角スペースが続いていません。キーと値の間は ': '（':' と半角スペース）で区切ってください（例: title: …） [E0131]"),
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

    @Test("a key indented with a full-width space, which YAML reads without error as a key '　as_of', is told as the indent it is")
    func fullWidthIndentedKey() {
        var log = DiagnosticLog()
        let source = YAMLSource(path: "content/site.yml")
        let map = YAMLMapping(source.parse("title: T\n　as_of: 2024-12\n", log: &log), source: source, what: .file("site.yml"), log: &log)
        map?.rejectUnknownKeys(allowed: ["title", "registry"], log: &log)
        #expect(log.entries.map { $0.text(.ja) } == ["content/site.yml:2:1: エラー: 行の始めに全角スペースがあります。字下げは半角スペースで書いてください [E0128]"])
        #expect(Self.diagnostics("list:\n  - 10:30\n  - 11:00\n").isEmpty, "a time in a list is no key")
    }

    @Test("front matter fenced with an IME's dashes (ーーー) is read, with a warning at each fence")
    func lookalikeFence() async throws {
        let site = try TestSite(["content/guidance/a.md": "ーーー\ntitle: 対応\nupdated: 2024-12-12\n－－－\n本文\n"])
        defer { site.cleanUp() }
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == [1, 4].map {
            "content/guidance/a.md:\($0):1: warning: the front matter's fence is typed with full-width dashes: write three half-width hyphens '---' (read as one) [W0219]"
        })
        #expect(site.read("output/guidance/a.html")?.contains("<h1>対応</h1>") == true)
    }

    @Test("a guidance_groups that cannot be read is one error, not one more for every page's group; an unread site.yml asks for no sample: true")
    func noKnockOn() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try site.edit("content/site.yml", replacing: "guidance_groups: [", with: "guidance_groups: ［")
        try site.edit("content/site.yml", replacing: "インシデント対応]", with: "インシデント対応］")
        let errors = await site.failure().filter { $0.contains(": error: ") }
        #expect(errors.count == 1 && errors[0].contains("[E0113]"), "\(errors)")
        try site.edit("content/site.yml", replacing: "guidance_groups: ［", with: "guidance_groups: [")
        try site.edit("content/site.yml", replacing: "インシデント対応］", with: "インシデント対応]")
        try site.edit("content/site.yml", replacing: "review_after_days: ", with: "review_after_days:")
        let failed = await site.failure()
        #expect(failed.filter { $0.contains(": error: ") }.count == 1 && failed.contains { $0.contains("[E0131]") }, "\(failed)")
        #expect(!failed.contains { $0.contains("[W0607]") }, "asks for sample: true, which the unread site.yml holds")
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
