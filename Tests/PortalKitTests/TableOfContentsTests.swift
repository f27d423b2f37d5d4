import Foundation
import Testing
@testable import PortalKit
@testable import PortalMarkdown

/// `page.tocHTML` is what page.mustache's list of `page.toc` wrote, byte for byte.
@Suite struct TableOfContentsTests {
    /// The list as page.mustache wrote it before `tocHTML`.
    static let templateList = "{{#toc}}<li><a href=\"{{href}}\">{{text}}</a>{{#hasChildren}}<ol>{{#children}}<li><a href=\"{{href}}\">{{text}}</a></li>{{/children}}</ol>{{/hasChildren}}</li>\n{{/toc}}"

    static let words = ["概要", "点検の頻度", "A&B", "<script>", "\"引用\"", "it's", "ログ　保全", "VPN", "1.2", "#", "夜間・休日の対応"]

    @Test("the same as the template's list, on seeded headings")
    func sameAsTemplate() throws {
        var sources = ["toc": Self.templateList, "html": "{{{tocHTML}}}"]
        for name in TemplateSet.required { sources[name] = name }
        var log = DiagnosticLog()
        let set = try #require(TemplateSet.make(sources, displayRoot: "templates", log: &log))
        var rng = SeededGenerator.forTest("TableOfContents", fallback: 0x70C)
        var differences: [String] = []
        for _ in 0..<300 {
            let headings = (0..<Int.random(in: 0...8, using: &rng)).map { i in
                let text = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Self.words.randomElement(using: &rng)! }.joined()
                return Heading(level: Int.random(in: 1...5, using: &rng), text: text, id: "h\(i)-\(Self.words.randomElement(using: &rng)!)", line: i + 1)
            }
            let entries = TableOfContents.entries(headings)
            let context: [String: Any] = ["toc": entries.map(\.templateValue), "tocHTML": TableOfContents.html(entries)]
            let byTemplate = try set.render(context, with: "toc"), byHand = try set.render(context, with: "html")
            if byTemplate != byHand { differences.append(byTemplate + " ≠ " + byHand) }
        }
        #expect(differences.isEmpty, "seed \(rng.seed): \(differences.prefix(2))")
    }

    @Test("level 2 entries with their level 3 children; a level 3 heading first stands alone")
    func nesting() {
        let headings = [Heading(level: 3, text: "前置き", id: "a", line: 1), Heading(level: 2, text: "手順", id: "b", line: 2),
                        Heading(level: 3, text: "夜間", id: "c", line: 3), Heading(level: 4, text: "深い", id: "d", line: 4)]
        let entries = TableOfContents.entries(headings)
        #expect(entries.map(\.text) == ["前置き", "手順"])
        #expect(entries[1].children.map(\.href) == ["#c"])
    }
}
