import Foundation
import Testing

/// Usage mistakes as editors make them: exit 2, and the message names what was meant.
extension CLITests {
    @Test("mistyped commands, options and categories get the nearest real one; contradictions are explained; exit 2")
    func usageHints() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try FileManager.default.removeItem(at: site.url("content"))
        try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent("content"), to: site.url("content"))
        let cases: [(arguments: [String], language: String, firstLine: String)] = [
            (["biuld"], "C.UTF-8", "Error: Unexpected argument 'biuld'. Did you mean 'portal build'?"),
            (["biuld"], "ja_JP.UTF-8", "エラー: 'biuld' というコマンドはありません。もしかして 'portal build'？"),
            (["--lang", "ja", "biuld"], "C.UTF-8", "エラー: 'biuld' というコマンドはありません。もしかして 'portal build'？"),
            (["biuld", "--lang=en"], "ja_JP.UTF-8", "Error: Unexpected argument 'biuld'. Did you mean 'portal build'?"),
            (["new", "pag"], "C.UTF-8", "Error: Unexpected argument 'pag'. Did you mean 'portal new page'?"),
            (["services", "--categroy", "監査"], "C.UTF-8", "Error: Unknown option '--categroy'. Did you mean '--category'?"),
            (["services", "--categroy", "監査"], "ja_JP.UTF-8", "エラー: オプション '--categroy' はありません。もしかして '--category'？"),
            (["services", "--category", "脆弱性診段"], "C.UTF-8",
             "error: unknown category '脆弱性診段'; did you mean '脆弱性診断'? valid categories: audit (情報セキュリティ監査サービス), vulnerability (脆弱性診断サービス), forensics (デジタルフォレンジックサービス), monitoring (セキュリティ監視・運用サービス), device (機器検証サービス)"),
            (["services", "--category", "監査", "--pentest"], "C.UTF-8",
             "error: 監査 has no penetration-testing option (only 脆弱性診断 has); drop --pentest or use --category 脆弱性診断"),
            (["services", "--category", "監査", "--pentest"], "ja_JP.UTF-8",
             "エラー: 監査 にはペネトレーションテストのオプションがありません（オプションがあるのは 脆弱性診断 だけです）。--pentest を外すか、--category 脆弱性診断 を指定してください"),
            (["--lang", "fr", "build"], "C.UTF-8", "Error: --lang takes ja or en"),
            (["help", "biuld"], "ja_JP.UTF-8", "エラー: 'biuld' というコマンドはありません。もしかして 'portal build'？"),
            // ArgumentParser's own messages, in Japanese under a Japanese locale.
            (["new", "page", "guidance/foo.md"], "ja_JP.UTF-8", "エラー: '--title <title>' を指定してください"),
            (["serve", "--port", "abc"], "ja_JP.UTF-8", "エラー: '--port <port>' に 'abc' は使えません"),
            (["services", "--format", "excel"], "ja_JP.UTF-8", "エラー: '--format <format>' に 'excel' は使えません。使える値: 'table', 'csv', 'json'"),
            (["publish", "--zip"], "ja_JP.UTF-8", "エラー: '--zip <zip>' の値がありません"),
        ]
        for c in cases {
            let result = try run(c.arguments, in: site.root, language: c.language)
            #expect(result.status == 2, "\(c.arguments)")
            #expect(result.stderr.split(separator: "\n").first.map(String.init) == c.firstLine, "\(c.arguments) \(c.language)")
        }
        // Both categories asked for, one with the option: an ordinary filter.
        // `portal help build` still shows build's help.
        let help = try run(["help", "build"], in: site.root)
        #expect(help.status == 0 && help.stdout.contains("--json-index"))
        // Under a Japanese locale the help's frame is Japanese too, and no line is cut mid-phrase.
        for arguments in [["help", "build"], ["build", "--help"], [], ["publish", "-h"], ["new", "--help"]] {
            let japanese = try run(arguments, in: site.root, language: "ja_JP.UTF-8")
            #expect(japanese.status == 0 && japanese.stdout.hasPrefix("概要: "), "\(arguments): \(japanese.stdout)")
            for english in ["OVERVIEW", "USAGE", "OPTIONS", "default:", "Show help information", "subcommand", "detailed help"] {
                #expect(!japanese.stdout.contains(english), "\(arguments): \(english)")
            }
        }
        #expect(try run(["help", "build"], in: site.root, language: "ja_JP.UTF-8").stdout.contains("原稿のフォルダー。（既定: content）"))
        let mixed = try run(["services", "--category", "監査", "--category", "脆弱性診断", "--pentest", "--format", "csv"], in: site.root)
        #expect(mixed.status == 0)
    }
}
