import Foundation
import Mustache
import Testing
@testable import PortalKit
import PortalMarkdown

/// The fast paths that replaced library or standard-library code must answer exactly as the
/// code they replaced: each is checked here against that reference.
@Suite struct PerformancePartsTests {
    @Test("template escaping matches swift-mustache's own HTML escaping", arguments: [
        "", "普通の文章", "a & b < c > d \"e\" 'f'", "<script>alert('x')</script>", "&amp;", "ＶＰＮ機器・EDR", "x\u{2028}y", "末尾&",
    ])
    func templateEscaping(text: String) throws {
        let plain = try MustacheTemplate(string: "{{v}}").render(["v": text])
        _ = TemplateEscaping.registered
        let fast = try MustacheTemplate(string: TemplateEscaping.pragma + "{{v}}").render(["v": text])
        #expect(fast == plain)
    }

    @Test("text renders as itself in every kind of tag: escaped, raw, as a section and inverted", arguments: [
        "", "通報", "<a href=\"x\">&'</a>", "e\u{301}", "{{v}}", "Optional(\"x\")",
    ])
    func textRendersAsItself(_ text: String) throws {
        _ = TemplateEscaping.registered
        let template = try MustacheTemplate(string: TemplateEscaping.pragma + "{{v}}|{{{v}}}|{{#v}}[{{.}}]{{/v}}|{{^v}}none{{/v}}|{{n}}")
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
        // Empty text is null: its section does not show and its inverted section does, as if
        // the key were not there, but without looking further up the stack for the name.
        let expected = text.isEmpty ? "|||none|7" : "\(escaped)|\(text)|[\(escaped)]||7"
        #expect(template.render(["v": text, "n": 7] as [String: Any]) == expected)
    }

    @Test("an empty title in a list's item hides its heading; it does not show the page's title from further up")
    func emptyTextStopsTheLookup() throws {
        _ = TemplateEscaping.registered
        let template = try MustacheTemplate(string: TemplateEscaping.pragma + "{{#groups}}[{{#title}}<h2>{{title}}</h2>{{/title}}{{^title}}-{{/title}}]{{/groups}}")
        let context: [String: Any] = ["title": "ガイダンス", "groups": [["title": ""], ["title": "その他"]] as [[String: Any]]]
        #expect(template.render(context) == "[-][<h2>その他</h2>]")
    }

    @Test("the pragma line writes nothing, whatever the template starts with")
    func pragmaIsInvisible() throws {
        _ = TemplateEscaping.registered
        for source in ["{{#a}}x{{/a}}\nrest", "\n\nlead", "{{>missing}}\ntext", "  {{v}}  \n"] {
            let plain = try MustacheTemplate(string: source).render(["a": true, "v": "<"])
            let fast = try MustacheTemplate(string: TemplateEscaping.pragma + source).render(["a": true, "v": "<"])
            #expect(fast == plain, "\(source.debugDescription)")
        }
    }

    @Test("a template syntax error still points at the template's own line")
    func syntaxErrorLine() {
        var log = DiagnosticLog()
        let sources = ["home": "ok", "page": "line 1\nline 2 {{#open}}", "section": "s", "search": "s", "sitemap": "s"]
        _ = TemplateSet.make(sources, displayRoot: "templates", log: &log)
        let error = log.entries.first { $0.path == "templates/page.mustache" }
        #expect(error?.line == 2)
    }

    @Test("head postings: the heaviest, ties to the lower document, both parts in document order")
    func headSplit() {
        var generator = SeededGenerator.forTest("headSplit", fallback: 0x5EED1)
        for size in [1, 299, 300, 301, 1_000, 5_000] {
            let postings = (0..<size).map { SearchIndex.Posting(document: $0 * 3, weight: Int.random(in: 0...40, using: &generator)) }
            let (head, tail) = SearchIndexFiles.split(postings)
            // The reference: rank by (weight, -document), keep the first `headPostings`.
            let ranked = postings.sorted { ($0.weight, -$0.document) > ($1.weight, -$1.document) }
            let expected = Set(ranked.prefix(SearchIndexFiles.headPostings).map(\.document))
            #expect(Set(head.map(\.document)) == expected)
            #expect(head.count + tail.count == size)
            #expect(head.map(\.document) == head.map(\.document).sorted())
            #expect(tail.map(\.document) == tail.map(\.document).sorted())
        }
    }

    @Test("postings are encoded as gaps and weights in base 36, the head and tail each with their own gaps")
    func postingEncoding() {
        func reference(_ postings: [SearchIndex.Posting]) -> String {
            var previous = 0
            return postings.map { p in
                defer { previous = p.document }
                return String(p.document - previous, radix: 36) + ":" + String(p.weight, radix: 36)
            }.joined(separator: ",")
        }
        var generator = SeededGenerator.forTest("postingEncoding", fallback: 0x9057)
        for size in [0, 1, 2, 300, 301, 2_000] {
            var document = 0
            let postings = (0..<size).map { _ in
                // Gaps of one to five base-36 digits; ids stay within the 32 bits a posting stores.
                document += [1, 35, 36, 1_295, 1_296, 46_655, 46_656, 1_000_000][Int.random(in: 0...7, using: &generator)]
                return SearchIndex.Posting(document: document, weight: [0, 9, 10, 35, 36, 99_999, -7][Int.random(in: 0...6, using: &generator)])
            }
            #expect(SearchIndexFiles.encodePostings(postings) == reference(postings))
            let pieces = SearchIndexFiles.TermPieces("語", postings)
            let (head, tail) = SearchIndexFiles.split(postings)
            #expect(String(decoding: pieces.json, as: UTF8.self) == "\"語\":\"\(reference(postings))\"")
            #expect(String(decoding: pieces.head, as: UTF8.self) == "\"語\":\"\(size)|\(reference(head))\"")
            #expect(String(decoding: pieces.tail, as: UTF8.self) == (tail.isEmpty ? "" : "\"語\":\"\(reference(tail))\""))
        }
    }

    @Test("a posting re-weighted in place is patched into the encodings exactly as encoding afresh would write them")
    func postingPatch() {
        var generator = SeededGenerator.forTest("postingPatch", fallback: 0x5EED2)
        var patched = 0
        for term in ["語", "a\"b\\c<d>", "ランサム"] {
            for size in [1, 5, 300, 301, 2_000] {
                for _ in 0..<40 {
                    var document = 0
                    var postings = (0..<size).map { _ in
                        document += Int.random(in: 1...3_000, using: &generator)
                        return SearchIndex.Posting(document: document, weight: Int.random(in: 0...60, using: &generator))
                    }
                    let old = SearchIndexFiles.TermPieces(term, postings)
                    let index = Int.random(in: 0..<size, using: &generator)
                    let was = postings[index].weight
                    postings[index].weight = Int.random(in: 0...2_000, using: &generator)
                    let fresh = SearchIndexFiles.TermPieces(term, postings)
                    guard let result = old.replacingWeight(at: index, was: was, in: postings) else {
                        // Refused only when the cut moved or the posting changed sides.
                        let cut = SearchIndexFiles.headCut(postings)
                        #expect(cut != old.cut || cut.map { $0.contains(postings[index]) != $0.contains(.init(document: postings[index].document, weight: was)) } == true)
                        continue
                    }
                    patched += 1
                    #expect(result.json == fresh.json && result.head == fresh.head && result.tail == fresh.tail, "\(term) \(size) \(index)")
                    #expect(result.cut == fresh.cut && result.term == fresh.term && result.estimate == fresh.estimate)
                }
            }
        }
        #expect(patched > 300)
    }

    @Test("a file of pieces: first change found by piece, rewritten from there, compared with a file on disk")
    func fileBodies() throws {
        let a: [UInt8] = Array("{\"a\":".utf8), b: [UInt8] = Array("[1,2]".utf8), c: [UInt8] = Array("}".utf8)
        let old = FileBody.pieces([a, b, c])
        #expect(FileBody.pieces([a, b, c]).firstChange(since: old) == nil)
        #expect(FileBody.pieces([a, Array("[1,2]".utf8), c]).firstChange(since: old) == nil)  // equal bytes, other buffer
        #expect(FileBody.pieces([a, Array("[1,2,3]".utf8), c]).firstChange(since: old)! == (1, a.count))
        #expect(FileBody.pieces([a, b]).firstChange(since: old)! == (2, a.count + b.count))
        #expect(FileBody.bytes(a + b + c) == old)
        #expect(FileBody.pieces([a, b, c]).joined == a + b + c)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-body-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = URL(fileURLWithPath: folder.path)
        let path = SitePath("index.json")
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)  // larger than the gathering buffer
        var previous: [OutputFile] = []
        for body in [[a, b, c], [a, big, b, c], [a, Array("[9]".utf8), c], [a, Array("[9]".utf8), c], [a]] {
            let file = OutputFile(path: path, pieces: body)
            let changed = try OutputUpdater.update(output, displayPath: "out", from: previous, to: [file])
            #expect(changed == (previous.first?.body == file.body ? 0 : 1))
            let onDisk = try [UInt8](Data(contentsOf: output.appendingPathComponent("index.json")))
            #expect(onDisk == file.bytes)
            let fd = open(output.appendingPathComponent("index.json").path, O_RDONLY)
            #expect(file.body.matches(fd))
            close(fd)
            previous = [file]
        }
    }

    @Test("a layout depends on the partials and parents it names, transitively, and on nothing else")
    func templateClosure() {
        let sources = ["page": "{{<base}}{{$main}}x{{/main}}{{/base}}", "base": "{{> header }}<main>{{$main}}{{/main}}</main>{{>footer}}",
                       "header": "<header/>", "footer": "{{>links}}", "links": "<a/>", "faq": "{{<base}}{{/base}}", "unused": "u"]
        #expect(Set(TemplateSet.closure(["page"], in: sources).keys) == ["page", "base", "header", "footer", "links"])
        #expect(Set(TemplateSet.closure(["faq", "missing"], in: sources).keys) == ["faq", "base", "header", "footer", "links"])
        var delimiters = sources
        delimiters["unused"] = "{{=<% %>=}}<%> page %>"
        #expect(TemplateSet.closure(["header"], in: delimiters) == delimiters)
    }

    @Test("the partition point is the first element not before the bound, as a linear search finds it")
    func partitionPoint() {
        for values in [[], [1], [1, 3, 3, 5, 9], Array(0..<100).map { $0 / 3 }] {
            for bound in -1...40 {
                #expect(values.partitionPoint { $0 < bound } == (values.firstIndex { $0 >= bound } ?? values.count), "\(values) \(bound)")
            }
        }
        let slice = [5, 6, 7, 8, 9][2...]
        #expect(slice.partitionPoint { $0 < 8 } == 3)
        #expect(slice.partitionPoint { $0 < 100 } == slice.endIndex)
    }

    @Test("paths and titles sort by code point, as String sorts NFC text")
    func codePointOrder() {
        let words = ["b", "a", "ab", "", "Z", "ガイダンス", "がいだんす", "漢字", "ｱ", "a/b", "a-b", "😀", "\u{7F}"]
        for x in words {
            for y in words {
                #expect(x.precedesByCodePoint(y) == (x < y), "\(x) \(y)")
            }
        }
    }

    @Test("the term table counts like a dictionary, long terms included")
    func termTable() {
        var table = TermTable(capacity: 4)
        var reference: [TermKey: Int] = [:]
        let words = (0..<2_000).map { i -> [UInt8] in Array("語\(i % 700)ワード\(i % 3 == 0 ? "とても長い語" : "")".utf8) }
        for (i, w) in words.enumerated() {
            let key = TermKey(w, 0..<(i % 5 == 0 ? w.count : min(w.count, 8)))
            table.add(key, i % 4 + 1)
            reference[key, default: 0] += i % 4 + 1
        }
        var seen: [TermKey: Int] = [:]
        table.forEach { seen[$0] = $1 }
        #expect(seen == reference)
        #expect(table.count == reference.count)
    }

    @Test("isIn answers as ClosedRange.contains, at and around both ends and across wrap-around")
    func isInRange() {
        let ranges: [(UInt32, UInt32)] = [(0x30, 0x39), (0x3041, 0x3096), (0x20000, 0x2FA1F), (0, 0), (5, 5), (0, UInt32.max)]
        for (low, high) in ranges {
            let probes: [UInt32] = [0, 1, low &- 1, low, low &+ 1, high &- 1, high, high &+ 1, UInt32.max, UInt32.max - 1]
            for v in probes {
                #expect(v.isIn(low, high) == (low...high).contains(v), "\(v) in \(low)...\(high)")
            }
        }
    }

    @Test("parallelMap keeps the order of its input, whatever each item costs")
    func parallelOrder() async {
        let items = Array(0..<1_000)
        let out = await parallelMap(items) { i -> Int in
            if i % 97 == 0 { usleep(2_000) }
            return i * 2
        }
        #expect(out == items.map { $0 * 2 })
    }

    @Test("front matter fences: empty YAML, no body, only a fence")
    func frontMatterEdges() throws {
        let empty = try FrontMatter.split("---\n---\nbody")
        #expect(empty.yaml == "" && empty.body == "body" && empty.bodyLineOffset == 2)
        let noBody = try FrontMatter.split("---\ntitle: x\n---")
        #expect(noBody.yaml == "title: x" && noBody.body == "" && noBody.bodyLineOffset == 3)
        #expect(throws: FrontMatter.SplitError.unclosed) { try FrontMatter.split("---") }
        #expect(throws: FrontMatter.SplitError.missing) { try FrontMatter.split("") }
        let spaced = try FrontMatter.split("---  \ntitle: ノート\n---\t\n# 見出し\n")
        #expect(spaced.yaml == "title: ノート" && spaced.body == "# 見出し\n")
    }
}

@Suite struct LengthQuantizationTests {
    @Test("lengths keep four significant bits above 16: exact below, never more than 1/8 off, never above")
    func quantized() {
        for length in 0..<16 { #expect(SearchIndex.quantizedLength(length) == length) }
        #expect(SearchIndex.quantizedLength(200) == 192)
        #expect(SearchIndex.quantizedLength(208) == 208)
        for length in 16..<100_000 {
            let q = SearchIndex.quantizedLength(length)
            #expect(q <= length && Double(length - q) <= Double(length) / 8, "\(length) → \(q)")
        }
    }
}
