import Testing
@testable import PortalMarkdown

@Suite struct MarkdownRenderingTests {
    @Test("headings get ids from their text, unique per page, or an explicit {#id}")
    func headingIDs() {
        let doc = Markdown.render("## 概要\n\n## 概要\n\n### Step One {#step-1}\n")
        #expect(doc.headings.map(\.id) == ["概要", "概要-1", "step-1"])
        #expect(doc.headings.map(\.text) == ["概要", "概要", "Step One"])
        let html = doc.html(resolvingLinks: [])
        #expect(html.contains("<h3 id=\"step-1\">"))
        #expect(!html.contains("{#"))
    }

    @Test("heading slugs fold width and case and drop punctuation", arguments: [
        ("ＶＰＮ機器の脆弱性", "vpn機器の脆弱性"),
        ("What to do?", "what-to-do"),
        ("「通報」とは", "通報とは"),
        ("!!!", "section"),
    ])
    func slug(input: String, expected: String) {
        #expect(HeadingID.slug(input) == expected)
    }

    @Test("an explicit id with non-ASCII characters is an error at its line")
    func badExplicitID() {
        let doc = Markdown.render("text\n\n## 見出し {#見出し}\n", options: MarkdownOptions(lineOffset: 4))
        #expect(doc.diagnostics.count == 1)
        #expect(doc.diagnostics.first?.line == 7)
    }

    @Test("raw HTML is omitted unless allowed")
    func rawHTML() {
        let source = "<script>alert(1)</script>\n\nok <b onclick=\"x()\">bold</b>\n"
        let safe = Markdown.render(source).html(resolvingLinks: [])
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("onclick"))
        #expect(safe.contains("raw HTML omitted"))
        let unsafe = Markdown.render(source, options: MarkdownOptions(allowRawHTML: true)).html(resolvingLinks: [])
        #expect(unsafe.contains("<script>alert(1)</script>"))
    }

    @Test("code is escaped")
    func codeEscaped() {
        let html = Markdown.render("Use `Set<AnyCancellable>` here.\n").html(resolvingLinks: [])
        #expect(html.contains("<code>Set&lt;AnyCancellable&gt;</code>"))
    }

    @Test("links become slots the caller fills, with their lines and columns")
    func linkSlots() {
        let doc = Markdown.render("一行目\n\n日本語 [次へ](next.md#a) と [外](https://example.com)\n", options: MarkdownOptions(lineOffset: 10))
        #expect(doc.links.map(\.destination) == ["next.md#a", "https://example.com"])
        #expect(doc.links.first?.line == 13)
        #expect(doc.links.first?.column == 5)
        let html = doc.html(resolvingLinks: [LinkMarkup(open: "<a href=\"next.html#a\">", close: "</a>"), LinkMarkup(open: "<span>", close: "</span>")])
        #expect(html.contains("<a href=\"next.html#a\">次へ</a>"))
        #expect(html.contains("<span>外</span>"))
    }

    @Test("slot markers written in content cannot forge a link")
    func forgedMarkers() {
        let forged = "a " + String(LinkSlots.start) + "0" + String(LinkSlots.openEnd) + " b [x](y.md)\n"
        let doc = Markdown.render(forged)
        let html = doc.html(resolvingLinks: [LinkMarkup(open: "<a href=\"y.html\">", close: "</a>")])
        #expect(html.components(separatedBy: "<a href").count == 2)
    }

    @Test("images are reported with their alt text")
    func images() {
        let doc = Markdown.render("![通報の流れ](flow.png)\n")
        #expect(doc.links.first?.kind == .image)
        #expect(doc.links.first?.text == "通報の流れ")
    }

    @Test("callouts: a block quote starting with [!WARNING] or [!NOTE]")
    func callouts() {
        let html = Markdown.render("> [!WARNING]\n> バックアップを確認する\n\n> [!NOTE]\n> 補足です\n\n> ふつうの引用\n").html(resolvingLinks: [])
        #expect(html.contains("<aside class=\"callout callout-warning\""))
        #expect(html.contains("<aside class=\"callout callout-note\""))
        #expect(html.contains("<blockquote>"))
        #expect(!html.contains("[!WARNING]"))
        #expect(html.contains("バックアップを確認する"))
    }

    @Test("registered fenced blocks are rendered by their renderer; errors keep the block and point at the line")
    func fencedBlocks() {
        let upper: FencedBlockRenderer = { block throws(FencedBlockError) in
            if block.literal.contains("bad") { throw FencedBlockError(line: block.firstLine + 1, message: "bad row") }
            return FencedBlockOutput(html: "<p class=\"x\">\(block.literal.uppercased())</p>", text: "T")
        }
        let options = MarkdownOptions(lineOffset: 2, fencedBlockRenderers: ["shout": upper])
        let ok = Markdown.render("```shout\nhi\n```\n", options: options)
        #expect(ok.html(resolvingLinks: []).contains("<p class=\"x\">HI\n</p>"))
        let bad = Markdown.render("para\n\n```shout\nok\nbad\n```\n", options: options)
        #expect(bad.diagnostics.first?.line == 7)
        let other = Markdown.render("```swift\nlet x = 1 < 2\n```\n", options: options)
        #expect(other.html(resolvingLinks: []).contains("1 &lt; 2"))
    }

    @Test("plain text is split into sections at headings")
    func sections() {
        let doc = Markdown.render("前書き\n\n## 通報 {#report}\n\n速やかに *通報* する。\n\n## 保全\n\nログ\n")
        #expect(doc.sections.map(\.headingID) == [nil, "report", "保全"])
        #expect(doc.sections[1].title == "通報")
        #expect(doc.sections[1].text == "速やかに 通報 する。")
    }
}
