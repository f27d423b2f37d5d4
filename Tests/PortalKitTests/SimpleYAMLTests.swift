import Foundation
import Testing
@testable import PortalKit

/// `SimpleYAML` against libyaml (through Yams, as the loaders read YAML otherwise): on every text
/// it reads, the same nodes with the same marks; and it does read the front matter editors write.
@Suite struct SimpleYAMLTests {
    /// What Yams makes of the text, as the loaders see it; nil for a YAML error.
    static func reference(_ text: String) -> YAMLNode? {
        try? YAMLSource.compose(text)
    }

    /// Values as editors type them, and what YAML reads differently: indicators, colons, quotes,
    /// brackets, numbers and dates, full-width and trailing spaces, escapes, comments, tabs.
    static let values: [String] = [
        "ランサムウェア対策", "\"警察への通報の手順（1）\"", "'VPN 機器の更新'", "2024-03-03", "2025/1/5", "令和7年1月5日", "739", "-1",
        "true", "no", "~", "null", "https://www.npa.go.jp/bureau/cyber/soudan.html", "\"https://example.jp/a?b=c\"",
        "a: b", "a:b", "末尾:", "「A」の\"B\"", "A, B", "[教育]", "[教育, 初動対応]", "[ 教育 ,初動対応 ]", "[]", "[a, ]", "[a,,b]",
        "[\"x\", 'y']", "[a: b]", "{a: b}", "&anchor x", "*alias", "!tag x", "| block", "> folded", "%x", "@x", "`x`", "? x",
        "\u{3000}全角で始まる", "全角で終わる\u{3000}", "途中\u{3000}全角", "末尾の空白  ", "\"a\" b", "\"a\\\"b\"", "'it''s'",
        "'a'b'", "x # comment", "x#y", "\ttab", "C++ と C#", "\\d", "\u{85}", "a\u{2028}b", "\u{A0}nbsp", "絵文字👩‍💻", "末尾NBSP\u{A0}", "---",
        "...", "- x", "-x", "\"\"", "''", "",
    ]

    /// Values as editors usually type them (most of what the generator writes).
    static let typical: [String] = [
        "ランサムウェア対策", "\"警察への通報の手順（1）\"", "'VPN 機器の更新'", "2024-03-03", "739", "true", "教育",
        "\"https://www.meti.go.jp/policy/netsecurity/mng_guide.html\"", "https://www.npa.go.jp/", "[教育, 初動対応]", "A, B",
        "途中\u{3000}全角", "「A」の\"B\"", "a:b",
    ]

    static let keys = ["title", "summary", "updated", "order", "tags", "sources", "group", "sample", "link_terms", "slug", "extra",
                       "title", "as_of", "発生可能性", "a b", "0"]

    /// A front-matter-like text: top-level entries, some of them lists or mappings below the key.
    static func randomYAML(_ rng: inout SeededGenerator) -> String {
        func value() -> String { (Int.random(in: 0..<4, using: &rng) == 0 ? values : typical).randomElement(using: &rng)! }
        func key() -> String { keys.randomElement(using: &rng)! }
        var lines: [String] = []
        for _ in 0..<Int.random(in: 1...7, using: &rng) {
            let k = key()
            switch Int.random(in: 0..<(Int.random(in: 0..<4, using: &rng) == 0 ? 10 : 9), using: &rng) {
            case 0..<5:
                lines.append("\(k): \(value())")
            case 5:
                // A list of texts.
                let indent = String(repeating: " ", count: [0, 1, 2, 4].randomElement(using: &rng)!)
                lines.append("\(k):")
                for _ in 0..<Int.random(in: 1...3, using: &rng) { lines.append("\(indent)- \(value())") }
            case 6, 7:
                // A list of mappings, as `sources:` is written.
                let indent = String(repeating: " ", count: [0, 2, 2, 4].randomElement(using: &rng)!)
                lines.append("\(k):")
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    lines.append("\(indent)- \(key()): \(value())")
                    for _ in 0..<Int.random(in: 0...2, using: &rng) {
                        let extra = Int.random(in: 0..<8, using: &rng) == 0 ? " " : ""
                        lines.append("\(indent)  \(extra)\(key()): \(value())")
                    }
                }
            case 8:
                // A mapping below the key, perhaps with a list in it.
                lines.append("\(k):")
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0:
                        lines.append("  \(key()):")
                        lines.append("    - \(value())")
                    case 1:
                        // A mapping in the mapping, as `extra:` may hold.
                        lines.append("  \(key()):")
                        lines.append("    \(key()): \(value())")
                        if Bool.random(using: &rng) { lines.append("    \(key()): \(value())") }
                    default:
                        lines.append("  \(key()): \(value())")
                    }
                }
            default:
                // Oddities: blank lines, a key with no value, a stray indented line, spacing.
                lines.append(["", "   ", "\(k):", "  \(k): \(value())", "\(k) : \(value())", "\(k):\(value())", "\(k):  \(value())",
                              "\(k): \(value())\r", "- \(value())"].randomElement(using: &rng)!)
            }
        }
        return lines.joined(separator: "\n") + (Bool.random(using: &rng) ? "\n" : "")
    }

    @Test("reads what Yams reads, the same, marks included")
    func sameAsYams() {
        var rng = SeededGenerator.forTest("SimpleYAML", fallback: 0x5EED_A11)
        var read = 0
        var disagreements: [String] = []
        for _ in 0..<3000 {
            let text = Self.randomYAML(&rng)
            guard let fast = SimpleYAML.read(text) else { continue }
            read += 1
            if fast != Self.reference(text) { disagreements.append(text) }
        }
        #expect(disagreements.isEmpty, "seed \(rng.seed): \(disagreements.prefix(3))")
        // The generator reaches the fast path, not only what it declines.
        #expect(read > 300, "seed \(rng.seed): \(read) read")
    }

    @Test("values one by one, in every place a value goes")
    func eachValue() {
        var disagreements: [String] = []
        for v in Self.values {
            for text in ["title: \(v)", "tags: [\(v)]", "tags:\n  - \(v)", "sources:\n  - title: \(v)\n    url: \(v)", "a:\n  b: \(v)\n  c: x"] {
                if let fast = SimpleYAML.read(text), fast != Self.reference(text) { disagreements.append(text) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }

    /// Every page of the sample portal, and the front matter the benchmark's generator writes,
    /// are read here rather than by Yams: the point of the fast path.
    @Test("reads the sample portal's front matter and the benchmark's")
    func readsRealFrontMatter() throws {
        let folder = TestSite.repositoryRoot.appendingPathComponent("content/guidance")
        var texts: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".md") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            texts.append(try FrontMatter.split(text).yaml)
        }
        texts.append("""
        title: "警察への通報の手順（1）"
        summary: "警察への通報について、中小企業が押さえておくべき点を説明します。"
        updated: 2024-03-03
        order: 739
        tags: [教育]
        sources:
          - title: "経済産業省 サイバーセキュリティ経営ガイドライン"
            url: "https://www.meti.go.jp/policy/netsecurity/mng_guide.html"
        """)
        #expect(texts.count > 5)
        for text in texts {
            let fast = SimpleYAML.read(text)
            #expect(fast != nil, "not read: \(text)")
            #expect(fast == Self.reference(text), "\(text)")
        }
    }
}
