import Foundation
import Testing
@testable import PortalKit

/// The partial memo must never change a page: each test renders the same contexts with the
/// memo and without it and compares, and checks which partials the plan takes.
@Suite struct PartialMemoTests {
    static func sets(_ sources: [String: String]) throws -> (memo: TemplateSet, plain: TemplateSet) {
        var sources = sources
        for name in TemplateSet.required where sources[name] == nil { sources[name] = name }
        var log = DiagnosticLog()
        let memo = try #require(TemplateSet.make(sources, displayRoot: "templates", log: &log))
        let plain = try #require(TemplateSet.make(sources, displayRoot: "templates", memoise: false, log: &log))
        #expect(!log.hasErrors)
        return (memo, plain)
    }

    /// A header in the shape of the portal's: navigation items that carry their own title,
    /// the page's title at the top level, a flag inside each item.
    static let layoutSources: [String: String] = [
        "layout": "<!DOCTYPE html>\n{{>head}}\n<main>{{body}}</main>\n{{#items}}{{>row}}{{/items}}\n  {{>indented}}\n{{>tail}}\n",
        "head": "<header><h1>{{site.title}}</h1>\n{{#nav}}<a href=\"{{root}}{{href}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}</a>\n{{/nav}}{{^nav}}(none){{/nav}}</header>\n",
        "row": "<li>{{name}} {{title}}</li>",
        "indented": "<p>\n{{site.title}}\n</p>\n",
        "tail": "{{#pager}}{{$block}}x{{/block}}{{/pager}}<footer>{{site.title}}</footer>",
    ]

    @Test func takesTopLevelPartialsOnly() throws {
        let (memo, _) = try Self.sets(Self.layoutSources)
        // `row` is inside a section, `indented` is indented, `tail` has a block.
        #expect(memo.memo.entries.map(\.partial) == ["head"])
        let head = try #require(memo.memo.entries.first)
        #expect(head.rootNames == ["nav", "site"])
        #expect(head.sectionNames.map(\.section) == ["nav"])
        // `root` is read inside the items, which never have it: it is looked up at the top.
        #expect(head.sectionNames.first?.names == ["current", "href", "root", "title"])
        #expect(memo.memo.entriesByLayout["layout"] == [0])
        #expect(memo.memo.entriesByLayout["row"] == nil)
    }

    @Test func rendersWhatPlainRenderingDoes() throws {
        let (memo, plain) = try Self.sets(Self.layoutSources)
        var rng = SeededGenerator.forTest("partial memo", fallback: 0x5EED_0A11)
        let titles = ["ホーム", "ガイダンス", "", "<&\"'>", "連絡先"]
        for _ in 0..<400 {
            let current = Int.random(in: -1..<4, using: &rng)
            // An item without a title (or with an empty one, dropped before rendering) shows the
            // page's own title: the memo must tell those pages apart.
            let nav: [[String: Any]] = (0..<Int.random(in: 0..<4, using: &rng)).map { i in
                var item: [String: Any] = ["href": "p\(i).html", "current": i == current]
                if Bool.random(using: &rng) { item["title"] = titles.randomElement(using: &rng)! }
                return item
            }
            var context: [String: Any] = [
                "site": ["title": titles.randomElement(using: &rng)!],
                "root": ["", "../", "../../"].randomElement(using: &rng)!,
                "title": titles.randomElement(using: &rng)!,
                "body": "本文",
                "items": [["name": "a"], ["name": "b", "title": "t"]],
            ]
            if Bool.random(using: &rng) { context["nav"] = nav }
            #expect(try memo.render(context, with: "layout") == plain.render(context, with: "layout"))
        }
    }

    /// An editor's template with a name the memo would use is left alone, and so is its page.
    @Test func leavesTemplatesWithTheMemosNamesAlone() throws {
        var sources = Self.layoutSources
        sources["_portalMemo0"] = "<p>{{site.title}} の自作テンプレート</p>\n"
        sources["layout"] = "{{>head}}\n{{>_portalMemo0}}\n"
        let (memo, plain) = try Self.sets(sources)
        #expect(memo.memo.entries.isEmpty)
        let context: [String: Any] = ["site": ["title": "ポータル"], "nav": [["href": "a.html", "current": true, "title": "A"]]]
        let page = try memo.render(context, with: "layout")
        #expect(page == (try plain.render(context, with: "layout")))
        #expect(page.contains("ポータル の自作テンプレート"))
    }

    /// A partial reaches the page's values past items only when an item lacks the name: the key
    /// must then hold the top-level value too.
    @Test func keyHoldsTopLevelValuesItemsDoNotCover() throws {
        let (memo, _) = try Self.sets(Self.layoutSources)
        let head = try #require(memo.memo.entries.first)
        let covered: [String: Any] = ["nav": [["href": "a", "current": true, "title": "A"]], "title": "one"]
        var other = covered
        other["title"] = "two"
        #expect(head.key(covered) != nil)
        #expect(head.key(covered) == head.key(other))
        let uncovered: [String: Any] = ["nav": [["href": "a", "current": true]], "title": "one"]
        var otherUncovered = uncovered
        otherUncovered["title"] = "two"
        #expect(head.key(uncovered) != head.key(otherUncovered))
        // A value of a kind the key cannot write: no key, rendered for the page.
        #expect(head.key(["nav": [["href": "a", "current": true, "title": "A"]], "root": 1.5]) == nil)
    }

    @Test func keysOfDifferentValuesDiffer() {
        let values: [Any?] = [nil, "", "a", "1", 1, 12, 21, true, false, ["a"], ["a", ""], [["a": "b"]], ["a": "b"], ["a:": ""], ["ab"], ["a", "b"],
                              String(repeating: "x", count: 12), String(repeating: "x", count: 21), ["1:a"], ["", "", "", "", "", "", "", "", "", "", "", ""]]
        var seen: [[UInt8]: Int] = [:]
        for (i, value) in values.enumerated() {
            var key = MemoKey()
            let written = key.add(value: value)
            #expect(written)
            #expect(seen[key.bytes] == nil, "values \(seen[key.bytes] ?? -1) and \(i) write the same key")
            seen[key.bytes] = i
        }
    }

    @Test func flatTemplatesExcludeNestedAndIndentedReferences() throws {
        let sources: [String: String] = [
            "page": "{{<base}}{{$main}}{{>inBlock}}{{/main}}{{/base}}",
            "base": "{{>top}}\n{{#list}}{{>inSection}}{{/list}}\n  {{>indented}}\n{{$main}}{{/main}}",
            "top": "{{>fromTop}}", "fromTop": "x", "inBlock": "{{>fromBlock}}", "fromBlock": "y",
            "inSection": "z", "indented": "w",
        ]
        var tags: [String: [TemplateTag]] = [:]
        for (name, text) in sources { tags[name] = try #require(TemplateTag.scan(text)) }
        #expect(PartialMemo.flatTemplates(tags) == ["page", "base", "top", "fromTop"])
        #expect(TemplateTag.scan("{{=<% %>=}}") == nil)
    }

    /// The portal's own templates: the header and footer are rendered once per distinct
    /// navigation, and the pages stay the same (the golden tests compare whole pages).
    @Test func portalTemplatesMemoiseHeaderAndFooter() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
        var sources: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(9))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        let (memo, _) = try Self.sets(sources)
        #expect(Set(memo.memo.entries.map(\.partial)) == ["header", "footer"])
        #expect(memo.memo.entriesByLayout["page"]?.count == 2)
    }

    /// Missing partials are reported at their line: lines count across Japanese text, CRLF
    /// line ends and tags that span lines.
    @Test func referencesCarryTheirLines() {
        let text = "見出し\r\n{{#list}}\n{{! 二行の\nコメント }}{{> a }}\n{{{raw}}} {{<b}}\n\n  {{>c}}{{/list}}{{>}}"
        let found = TemplateSet.references(in: text)
        #expect(found.map(\.name) == ["a", "b", "c"])
        #expect(found.map(\.line) == [4, 5, 7])
    }
}
