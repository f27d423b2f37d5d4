import Foundation
import Testing

/// Every mistake in one run: nine different ones over guidance pages, services.csv, contacts.yml,
/// faq.yml, risk.yml and a template, each reported once at its place, in path and line order,
/// with the count, and nothing that only follows from another (the YAML error in contacts.yml
/// does not also make incident.md's contact groups "missing"; the FAQ that failed does not make
/// faq.html a missing navigation target).
extension CLITests {
    /// The sample portal with the nine mistakes made in it, as sed would make them.
    private func mistakes() throws -> TestSite {
        let site = try TestSite.sample()
        func edit(_ path: String, _ old: String, _ new: String) throws {
            let text = try #require(site.read(path))
            let range = try #require(text.range(of: old), "\(path) no longer holds \(old)")
            try site.write(path, text.replacingCharacters(in: range, with: new))
        }
        try edit("content/guidance/overview.md", "updated: 2026-12-05\n", "updated: 2024-13-12\n")
        try site.write("content/guidance/jc-star.md", try #require(site.read("content/guidance/jc-star.md")) + "\n詳しくは[サービス基準](servise-standard.md)を参照。\n")
        try edit("content/guidance/otasuketai.md", "group: 中小企業向け\n", "group: 中小企業向き\n")
        try edit("content/services/services.csv", ",監視・運用,,2020-12-05,", ",監視運営,,2020-12-05,")
        try edit("content/services/services.csv", ",2021-09-30,", ",2021-09-31,")
        try edit("content/contacts.yml", "    title: 被害発生時の通報・相談\n", "    title 被害発生時の通報・相談\n")
        try edit("content/faq.yml", "    category: 情報共有と公表\n", "    category: 情報共有と公表\n    answr: 重複\n")
        try edit("content/reports/risk.yml", "  高: {高: 3, 中: 2, 低: 2}\n", "  高: {高: 3, 中: 2, 低: 二}\n")
        try site.write("templates/page.mustache", try #require(site.read("templates/page.mustache")) + "{{> footr}}\n")
        return site
    }

    @Test("nine mistakes in six files and a template: all in one run, in order, with a count, nothing knocked on")
    func nineMistakesInOneRun() throws {
        let site = try mistakes()
        defer { site.cleanUp() }
        let result = try run(["build"], in: site.root)
        #expect(result.status == 1)
        let goldenFile = TestSite.fixtures.appendingPathComponent("mistakes/build.en.txt")
        if GoldenTests.recording { try Data(result.stderr.utf8).write(to: goldenFile) }
        let golden = try String(contentsOf: goldenFile, encoding: .utf8)
        #expect(result.stderr == golden, "run PORTAL_RECORD=1 swift test to re-record after an intended change")
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 9)
        #expect(result.stderr.hasSuffix("build failed: 9 errors, 2 warnings; nothing was written to output/\n"))
        #expect(!result.stderr.contains("incident.md"))
        #expect(!FileManager.default.fileExists(atPath: site.url("output").path))

        // The same run read in Japanese: every line in Japanese but the locations and ids.
        let japanese = try run(["build"], in: site.root, language: "ja_JP.UTF-8")
        #expect(japanese.status == 1)
        let japaneseFile = TestSite.fixtures.appendingPathComponent("mistakes/build.ja.txt")
        if GoldenTests.recording { try Data(japanese.stderr.utf8).write(to: japaneseFile) }
        #expect(japanese.stderr == (try String(contentsOf: japaneseFile, encoding: .utf8)))
        #expect(japanese.stderr.split(separator: "\n").filter { $0.contains(": エラー: ") }.count == 9)
        #expect(japanese.stderr.hasSuffix("ビルド失敗: エラー 9 件、警告 2 件。output/ には何も書き込んでいません\n"))
    }
}
