import Foundation
import PortalMarkdown
import Testing
@testable import PortalKit

/// GitHub Flavored Markdown's extensions on libcmark's tree, held to the GFM spec's own examples
/// (tables, strikethrough, autolinks, task lists; github/cmark-gfm test/spec.txt).
@Suite struct GFMTests {
    /// Markdown → HTML with every link slot filled as a plain `<a href>` (images as `<img>`).
    private func html(_ markdown: String) -> String {
        let doc = Markdown.render(markdown)
        return doc.html(resolvingLinks: doc.links.map { link in
            switch link.kind {
            case .image: LinkMarkup(open: "<img src=\"\(link.destination)\" alt=\"\(link.text)\" />")
            case .link, .term: LinkMarkup(open: "<a href=\"\(HTMLText.attribute(link.destination))\">", close: "</a>")
            }
        })
    }

    /// The portal's table markup brought to the spec's: no wrapper, no scope, `align` for the class.
    private func specForm(_ html: String) -> String {
        var s = html.replacingOccurrences(of: "\n", with: "")
        s = s.replacingOccurrences(of: #"<div class="table-wrap" role="region" aria-label="[^"]*" tabindex="0">"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: "</table></div>", with: "</table>")
        s = s.replacingOccurrences(of: #" scope="col""#, with: "")
        s = s.replacingOccurrences(of: #" class="align-(left|center|right)""#, with: #" align="$1""#, options: .regularExpression)
        return s
    }

    private func expectSpec(_ markdown: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(specForm(html(markdown)) == expected.replacingOccurrences(of: "\n", with: ""), sourceLocation: sourceLocation)
    }

    // MARK: Tables: the spec's eight examples (198–205)

    @Test func tableBasic() {
        expectSpec("| foo | bar |\n| --- | --- |\n| baz | bim |\n",
                   "<table><thead><tr><th>foo</th><th>bar</th></tr></thead><tbody><tr><td>baz</td><td>bim</td></tr></tbody></table>")
    }

    @Test func tableAlignmentAndOptionalOuterPipes() {
        expectSpec("| abc | defghi |\n:-: | -----------:\nbar | baz\n",
                   #"<table><thead><tr><th align="center">abc</th><th align="right">defghi</th></tr></thead><tbody><tr><td align="center">bar</td><td align="right">baz</td></tr></tbody></table>"#)
    }

    @Test func tableEscapedPipesInsideSpans() {
        expectSpec("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
                   "<table><thead><tr><th>f|oo</th></tr></thead><tbody><tr><td>b <code>|</code> az</td></tr><tr><td>b <strong>|</strong> im</td></tr></tbody></table>")
    }

    @Test func tableEndsAtAnotherBlock() {
        expectSpec("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
                   "<table><thead><tr><th>abc</th><th>def</th></tr></thead><tbody><tr><td>bar</td><td>baz</td></tr></tbody></table><blockquote><p>bar</p></blockquote>")
    }

    @Test func tableEndsAtABlankLineAndTakesLinesWithoutPipes() {
        expectSpec("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n",
                   "<table><thead><tr><th>abc</th><th>def</th></tr></thead><tbody><tr><td>bar</td><td>baz</td></tr><tr><td>bar</td><td></td></tr></tbody></table><p>bar</p>")
    }

    @Test func headerAndDelimiterMustAgree() {
        expectSpec("| abc | def |\n| --- |\n| bar |\n", "<p>| abc | def || --- || bar |</p>")
    }

    @Test func shortRowsAreFilledAndLongOnesCut() {
        expectSpec("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
                   "<table><thead><tr><th>abc</th><th>def</th></tr></thead><tbody><tr><td>bar</td><td></td></tr><tr><td>bar</td><td>baz</td></tr></tbody></table>")
    }

    @Test func noBodyNoTbody() {
        expectSpec("| abc | def |\n| --- | --- |\n", "<table><thead><tr><th>abc</th><th>def</th></tr></thead></table>")
    }

    // MARK: Tables in the portal's context

    @Test func linesBeforeTheHeaderStayAParagraphAndLinksInCellsAreLinks() {
        let doc = Markdown.render("前置き\n| 種別 | 窓口 |\n|---|---|\n| 相談 | [IPA](https://www.ipa.go.jp/) |\n", options: MarkdownOptions(lineOffset: 10))
        #expect(doc.links.map(\.destination) == ["https://www.ipa.go.jp/"])
        // The link is on the file's line 4 + 10 lines of front matter.
        #expect(doc.links.first?.line == 14)
        #expect(doc.slottedHTML.hasPrefix("<p>前置き</p>\n<div class=\"table-wrap\" role=\"region\" aria-label=\"種別・窓口\" tabindex=\"0\"><table>"))
        // Search text keeps cells apart.
        #expect(doc.sections.first?.text.contains("種別 窓口 相談 IPA") == true)
    }

    @Test func tablesInsideQuotesAndListItems() {
        #expect(specForm(html("> | a | b |\n> |---|---|\n> | 1 | 2 |\n")) == "<blockquote><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></blockquote>")
        #expect(specForm(html("- | a | b |\n  |---|---|\n  | 1 | 2 |\n")) == "<ul><li><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></li></ul>")
    }

    @Test func codeBlocksAndPlainPipesAreLeftAlone() {
        #expect(html("```\n| a | b |\n|---|---|\n```\n") == "<pre><code>| a | b |\n|---|---|\n</code></pre>\n")
        #expect(html("A | B の比較\n") == "<p>A | B の比較</p>\n")
    }

    @Test func cellMarkupIsEscaped() {
        let out = html("| <script>alert(1)</script> | a&b |\n|---|---|\n")
        #expect(!out.contains("<script>"))
        #expect(out.contains("a&amp;b"))
    }

    // MARK: Strikethrough (spec examples 491, 492)

    @Test func strikethrough() {
        #expect(html("~~Hi~~ Hello, world!\n") == "<p><del>Hi</del> Hello, world!</p>\n")
        #expect(html("This ~~has a\n\nnew paragraph~~.\n") == "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n")
        #expect(html("~~古い手順~~は使わない。~~ 空白 ~~ は線なし\n") == "<p><del>古い手順</del>は使わない。~~ 空白 ~~ は線なし</p>\n")
        #expect(html("~~*強調* と [リンク](https://a.example/)~~\n") == "<p><del><em>強調</em> と <a href=\"https://a.example/\">リンク</a></del></p>\n")
        #expect(html("`~~コード~~`\n") == "<p><code>~~コード~~</code></p>\n")
    }

    // MARK: Autolinks (spec examples 621–631, and Japanese text)

    @Test func bareURLs() {
        #expect(html("www.commonmark.org\n") == "<p><a href=\"http://www.commonmark.org\">www.commonmark.org</a></p>\n")
        #expect(html("Visit www.commonmark.org/help for more information.\n")
            == "<p>Visit <a href=\"http://www.commonmark.org/help\">www.commonmark.org/help</a> for more information.</p>\n")
        #expect(html("Visit www.commonmark.org.\n") == "<p>Visit <a href=\"http://www.commonmark.org\">www.commonmark.org</a>.</p>\n")
        #expect(html("www.google.com/search?q=Markup+(business)\n")
            == "<p><a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a></p>\n")
        #expect(html("(www.google.com/search?q=Markup+(business))\n")
            == "<p>(<a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a>)</p>\n")
        #expect(html("https://www.ipa.go.jp/security/を参照。\n")
            == "<p><a href=\"https://www.ipa.go.jp/security/\">https://www.ipa.go.jp/security/</a>を参照。</p>\n")
        #expect(html("foo@bar.baz\n") == "<p><a href=\"mailto:foo@bar.baz\">foo@bar.baz</a></p>\n")
        #expect(html("連絡は soc@example.jp まで\n") == "<p>連絡は <a href=\"mailto:soc@example.jp\">soc@example.jp</a> まで</p>\n")
        // Already a link, in code, or not an address: left alone.
        #expect(html("[IPA](https://www.ipa.go.jp/)\n") == "<p><a href=\"https://www.ipa.go.jp/\">IPA</a></p>\n")
        #expect(html("`https://a.example/`\n") == "<p><code>https://a.example/</code></p>\n")
        #expect(html("www. と a@b\n") == "<p>www. と a@b</p>\n")
    }

    // MARK: Task lists (spec examples 279, 280)

    @Test func taskLists() {
        let out = html("- [ ] foo\n- [x] bar\n")
        #expect(out == "<ul>\n<li><span class=\"task-mark\" role=\"img\" aria-label=\"未\">☐</span> foo</li>\n<li><span class=\"task-mark done\" role=\"img\" aria-label=\"済\">☑</span> bar</li>\n</ul>\n")
        #expect(html("- [y] not a task\n") == "<ul>\n<li>[y] not a task</li>\n</ul>\n")
    }
}
