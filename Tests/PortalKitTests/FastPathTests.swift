import Foundation
import Testing
@testable import PortalKit
@testable import PortalMarkdown

/// Byte-level versions of text functions on the build's hot path, each checked against the plain
/// definition it replaced, over seeded random text with every kind of white space, combining
/// marks, emoji sequences and Japanese.
@Suite struct FastPathTests {
    /// Pieces random text is made of: the White_Space characters, their UTF-8 neighbours (which
    /// share a lead byte but are not spaces), tabs and line breaks, marks, emoji, Japanese.
    static let pieces: [String] = [
        " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}",
        "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}", "\u{3001}",
        "\u{A1}", "\u{1681}", "\u{2027}", "\u{20AC}", "a", "Z", "-", "é", "e\u{301}", " \u{301}", "\u{301}",
        "🇯🇵", "👩‍💻", "ランサムウェア", "身代金", "ｶﾞ", "。", "警察", "VPN",
    ]

    static func randomText(_ rng: inout SeededGenerator) -> String {
        joined(pieces, upTo: 120, &rng)
    }

    /// Up to `count` of `pieces`, drawn at random and joined.
    static func joined(_ pieces: [String], upTo count: Int, _ rng: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...count, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    /// Each piece alone, then `count` random joins of up to `length` pieces: what a fast path
    /// and the reading it replaced are both given.
    static func samples(_ pieces: [String], count: Int, length: Int, _ rng: inout SeededGenerator) -> [String] {
        pieces + (0..<count).map { _ in joined(pieces, upTo: length, &rng) }
    }

    /// The inputs on which a fast path and its reference answer differently.
    static func disagreements<T: Equatable>(_ inputs: [String], _ fast: (String) -> T, _ reference: (String) -> T) -> [String] {
        inputs.filter { fast($0) != reference($0) }
    }

    /// What `collapsingSpaces` was, scalar by scalar.
    static func collapsedByScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        var empty = true
        for s in text.unicodeScalars {
            if s.properties.isWhitespace {
                space = !empty
            } else {
                if space { out.append(" ") }
                space = false
                empty = false
                out.append(s)
            }
        }
        return String(out)
    }

    @Test("collapsingSpaces equals the scalar-by-scalar definition")
    func collapsing() {
        var rng = SeededGenerator.forTest("collapsing", fallback: 0xC011_A95E)
        for piece in Self.pieces {
            #expect(piece.collapsingSpaces() == Self.collapsedByScalars(piece), "\(piece.unicodeScalars.map { $0.value })")
        }
        let differing = (0..<3_000).map { _ in Self.randomText(&rng) }.filter { $0.collapsingSpaces() != Self.collapsedByScalars($0) }
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.first.map { $0.unicodeScalars.map(\.value) } ?? [])")
        #expect("  警察　に\t\n通報  ".collapsingSpaces() == "警察 に 通報")
    }

    /// Kana of every kind the folding touches (small, ヴ with and without a vowel, ー at the end of
    /// short and long katakana words), full- and half-width forms, capitals, Hangul (NFKC path).
    static let kanaPieces: [String] = [
        "ヴ", "ヴァ", "ヴィ", "ヴュ", "ヴー", "ゔ", "ァ", "ッ", "ヶ", "ゕ", "ぁ", "っ", "ー", "サーバー", "エミュレーター",
        "ランサムウエア", "ランサムウェア", "ｻｰﾊﾞｰ", "ﾗﾝｻﾑｳｪｱ", "ＶＰＮ", "Ｖｐｎ", "VPN", "Ab", "①", "㍉", "ｶﾞ", "가",
        "・", "「", "」", "、", "。", "　", " ", "\u{3000}", "\u{30FF}", "\u{3040}", "\u{3097}", "\u{309F}", "é", "e\u{301}",
    ]

    /// What `GuidanceLoader.stubLine` was: the generic search over the first 512 bytes.
    static func stubLineGeneric(_ body: String) -> Int? {
        let top = body.utf8.prefix(512)
        guard let range = top.firstRange(of: NewPage.stubSentence.utf8) else { return nil }
        return top[..<range.lowerBound].lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1
    }

    @Test("the new-page sentence is found by bytes where the generic search found it, only in the first 512 bytes")
    func stubLine() {
        var rng = SeededGenerator.forTest("stubLine", fallback: 0x57AB_1100)
        let texts = (0..<2_000).map { _ -> String in
            var text = Self.randomText(&rng) + Self.randomText(&rng) + Self.randomText(&rng)
            if Bool.random(using: &rng) {
                let cut = text.index(text.startIndex, offsetBy: Int.random(in: 0...text.count, using: &rng))
                text.insert(contentsOf: NewPage.stubSentence.dropLast(Int.random(in: 0...1, using: &rng)), at: cut)
            }
            return text
        }
        let differing = texts.filter { GuidanceLoader.stubLine($0) != Self.stubLineGeneric($0) }
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.first ?? "")")
        #expect(texts.contains { GuidanceLoader.stubLine($0) != nil }, "no text had the sentence: the check above tested nothing")
        #expect(GuidanceLoader.stubLine(NewPage.stubSentence) == 1)
        #expect(GuidanceLoader.stubLine("\n\n" + NewPage.stubSentence + "\n") == 3)
        // Straddling byte 512 is past the top the warning looks at.
        #expect(GuidanceLoader.stubLine(String(repeating: "a", count: 500) + NewPage.stubSentence) == nil)
        #expect(GuidanceLoader.stubLine(String(repeating: "a", count: 400) + NewPage.stubSentence) == 1)
        #expect(GuidanceLoader.stubLine("") == nil)
    }

    @Test("width and case folding equal NFKC and lower case; the kana fold equals its earlier form")
    func folding() {
        var rng = SeededGenerator.forTest("folding", fallback: 0xF01D_0018)
        let all = Self.pieces + Self.kanaPieces
        let texts = Self.kanaPieces + (0..<3_000).map { _ in
            Self.joined(all, upTo: 60, &rng)
        }
        let width = texts.filter { SearchText.widthAndCaseFolded($0) != FoldingReference.widthAndCaseFolded($0) }
        #expect(width.isEmpty, "\(width.count) differ, e.g. \(width.first ?? "")")
        let kana = texts.map { FoldingReference.widthAndCaseFolded($0) }.filter { KanaFolding.fold($0) != FoldingReference.kanaFolded($0) }
        #expect(kana.isEmpty, "\(kana.count) differ, e.g. \(kana.first.map { String(decoding: $0, as: UTF8.self) } ?? "")")
        #expect(SearchText.fold("ＶＰＮのサーバー設定") == "vpnのサーバ設定")
    }

    /// What `SearchTokenizer.forEachToken` was: a run's scalar offsets kept, its tokens cut at
    /// the run's end.
    static func tokensByRuns(utf8 bytes: [UInt8], _ body: (TermKey) -> Void) {
        var runStarts: [Int] = []  // byte offset of each scalar of the current run
        var runKind = SearchTokenizer.Kind.separator
        var runEnd = 0
        func flush() {
            switch runKind {
            case .latin:
                body(TermKey(bytes, runStarts[0]..<runEnd))
            case .japanese:
                for i in runStarts.indices {
                    let end = i + 2 < runStarts.count ? runStarts[i + 2] : runEnd
                    body(TermKey(bytes, runStarts[i]..<end))
                }
            case .separator:
                break
            }
            runStarts.removeAll(keepingCapacity: true)
        }
        var i = 0
        let count = bytes.count
        while i < count {
            let lead = bytes[i]
            let length: Int
            var value: UInt32
            switch lead {
            case 0..<0x80: length = 1; value = UInt32(lead)
            case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
            case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
            default: length = 4; value = UInt32(lead & 0x07)
            }
            for j in 1..<max(length, 1) where i + j < count { value = value << 6 | UInt32(bytes[i + j] & 0x3F) }
            let k = length == 1 ? SearchTokenizer.kind(Unicode.Scalar(lead)) : SearchTokenizer.kind(Unicode.Scalar(value) ?? " ")
            if k != runKind {
                if runKind != .separator { flush() }
                runKind = k
            }
            if k != .separator {
                runStarts.append(i)
                runEnd = min(i + length, count)
            }
            i += length
        }
        if runKind != .separator, !runStarts.isEmpty { flush() }
    }

    @Test("tokens handed out in one pass are the tokens cut from each run at its end")
    func tokenizer() {
        var rng = SeededGenerator.forTest("tokenizer", fallback: 0x70CE_0018)
        let all = Self.pieces + Self.kanaPieces + ["𠮷野家", "ß", "Ωμέγα", "abcdefghij", "12345678", "x", "々", "〆"]
        var texts = (0..<3_000).map { _ in
            Self.joined(all, upTo: 40, &rng)
        }.map { SearchText.foldedUTF8($0) }
        // Cut short inside a character, as no folded text is, but the loop must still end alike.
        texts += texts.prefix(300).filter { $0.count > 2 }.map { Array($0.dropLast()) }
        func tokens(_ text: [UInt8], _ tokenize: ([UInt8], (TermKey) -> Void) -> Void) -> [TermKey] {
            var out: [TermKey] = []
            tokenize(text) { out.append($0) }
            return out
        }
        let differ = texts.filter {
            tokens($0, SearchTokenizer.forEachToken) != tokens($0, Self.tokensByRuns)
        }
        let differing = differ.count
        #expect(differing == 0, "\(differ.count) differ, e.g. \(differ.first.map { String(decoding: $0, as: UTF8.self) } ?? "")")
        #expect(tokens(SearchText.foldedUTF8("身代金 VPN"), SearchTokenizer.forEachToken).map(\.text) == ["身代", "代金", "金", "vpn"])
    }

    /// What `HTMLText` did: scalar by scalar, each looked up.
    static func escapedByScalars(_ text: String, attribute: Bool) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&#39;"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    @Test("HTML text and attributes escaped by bytes as by scalars; link markers found by bytes as by scalars")
    func escapingAndMarkers() {
        var rng = SeededGenerator.forTest("escaping", fallback: 0xE5CA_0018)
        let all = Self.pieces + ["&", "<", ">", "\"", "'", "&amp;", "\u{EFB7}", "ﷰ"]
            + [0xFDD0, 0xFDD1, 0xFDD2, 0xFDD3, 0xFDCF].map { String(Unicode.Scalar($0)!) }
        let texts = all + (0..<3_000).map { _ in
            Self.joined(all, upTo: 30, &rng)
        }
        let text = texts.filter { HTMLText.escape($0) != Self.escapedByScalars($0, attribute: false) }.count
        let attribute = texts.filter { HTMLText.attribute($0) != Self.escapedByScalars($0, attribute: true) }.count
        let template = texts.filter { TemplateEscaping().escapeText($0) != Self.escapedByScalars($0, attribute: true) }.count
        let markers = texts.filter {
            LinkSlots.holdsMarker($0) != $0.unicodeScalars.contains { (0xFDD0...0xFDD2).contains($0.value) }
        }.count
        #expect(text == 0)
        #expect(attribute == 0)
        #expect(template == 0)
        #expect(markers == 0)
        #expect(HTMLText.attribute("a\"b'<c>&") == "a&quot;b&#39;&lt;c&gt;&amp;")
    }

    @Test("a URL's scheme read as bytes when it is ASCII is the scheme read by Characters")
    func schemes() {
        var rng = SeededGenerator.forTest("schemes", fallback: 0x5C4E_0018)
        let all = ["http", "HTTPS", "mailto", "tel", "file", "a", "Z", "1", "+", "-", ".", ":", "//", "/", "\\", "C", "@", "_", " ", "\r\n", "x\u{301}", ":\u{301}", "é", "身代金", "#", "?", "[", "`", "{"]
        let differ = Self.disagreements(Self.samples(all, count: 4_000, length: 8, &rng), URLText.scheme(of:), URLText.schemeByCharacters(of:))
        let differing = differ.count
        #expect(differing == 0, "e.g. \(differ.prefix(3))")
        #expect(URLText.scheme(of: "HTTPS://example.jp") == "https")
        #expect(URLText.scheme(of: "1http://x") == nil)
    }

    @Test("a search document's page (its URL up to '#') read as bytes is what reading Characters gives")
    func documentPages() {
        var rng = SeededGenerator.forTest("documentPages", fallback: 0x9A6E_0018)
        let all = ["guidance/", "page", ".html", "#", "#\u{301}", "\u{600}#", "a", "身代金", "-", "%E8"]
        let differ = Self.disagreements(Self.samples(all, count: 2_000, length: 6, &rng),
                                        { SearchDocument(kind: .page, title: "t", breadcrumb: [], url: $0, text: "").page },
                                        { $0.prefix { $0 != "#" } })
        let differing = differ.count
        #expect(differing == 0, "e.g. \(differ.prefix(3))")
    }

    @Test("a front matter fence is told by bytes as by Characters")
    func fences() {
        var rng = SeededGenerator.forTest("fences", fallback: 0xFE4C_0018)
        let all = ["-", "---", " ", "\t", "\r", "\u{301}", "\u{600}", "ー", "a", "\u{3000}"]
        func byCharacters(_ line: String) -> Bool {
            var l = Substring(line)
            if l.last == "\r" { l = l.dropLast() }
            while l.last == " " || l.last == "\t" { l = l.dropLast() }
            return l == "---"
        }
        let differ = Self.disagreements(Self.samples(all, count: 4_000, length: 6, &rng), { FrontMatter.isFence(Substring($0)) }, byCharacters)
        let differing = differ.count
        #expect(differing == 0, "e.g. \(differ.prefix(3))")
        #expect(FrontMatter.isFence("--- \t\r") && !FrontMatter.isFence("----"))
    }

    /// What `LinkSlots.fill` was: byte by byte.
    static func filledByteByByte(_ html: String, _ markup: [LinkMarkup]) -> String {
        guard !markup.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var out = [UInt8]()
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xB7, bytes[i + 2] == 0x90 {
                var j = i + 3, n = 0
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { n = n * 10 + Int(bytes[j] - 0x30); j += 1 }
                if j + 2 < bytes.count, bytes[j] == 0xEF, bytes[j + 1] == 0xB7, bytes[j + 2] == 0x91 || bytes[j + 2] == 0x92 {
                    if n < markup.count { out.append(contentsOf: (bytes[j + 2] == 0x91 ? markup[n].open : markup[n].close).utf8) }
                    i = j + 3
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("link slots filled a run at a time give what filling byte by byte gave")
    func linkSlots() {
        var rng = SeededGenerator.forTest("link slots", fallback: 0x5107_0018)
        // Full-width forms and the markers' neighbours share the lead byte EF; broken and
        // out-of-range slots, and slots at either end.
        let scalar = { (value: UInt32) in String(Character(Unicode.Scalar(value)!)) }
        let start = scalar(0xFDD0), open = scalar(0xFDD1)
        var parts: [String] = ["<p>", "通報", "ＶＰＮ", "！", scalar(0xFDD3), scalar(0xFDCF), start, open, scalar(0xFDD2), "12", "a"]
        parts += (0..<4).flatMap { [LinkSlots.open($0), LinkSlots.close($0)] }
        parts += [LinkSlots.open(17), start + "3", start + open]
        let markup = [LinkMarkup(open: "<a href=\"x.html\">", close: "</a>"), LinkMarkup(open: "<img alt=\"\">"),
                      LinkMarkup(open: "<a class=\"external\" href=\"https://www.npa.go.jp/\">", close: "</a>")]
        let htmls = (0..<3_000).map { _ in Self.joined(parts, upTo: 12, &rng) }
        let differing = htmls.filter { LinkSlots.fill($0, with: markup) != Self.filledByteByByte($0, markup) }
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.first.map { $0.unicodeScalars.map(\.value) } ?? [])")
        #expect(htmls.filter { LinkSlots.fill($0, with: markup) != $0 }.count > 1_000)
    }

    @Test("a link beside its page joins its folder as walking its segments does")
    func joinedPaths() {
        var rng = SeededGenerator.forTest("joined paths", fallback: 0x7011_0018)
        let pieces = ["guidance", "a.md", "..", ".", "", "/", "//", "警察.md", "/\u{301}", "x\u{301}", "faq.yml", "e\u{301}.md"]
        let random = { (count: Int) in (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined() }
        let pairs = (0..<4_000).map { _ in (random(Int.random(in: 0...4, using: &rng)), random(Int.random(in: 0...3, using: &rng))) }
        let differing = pairs.filter { LinkResolver.join(folderOf: $0.0, $0.1) != LinkResolver.joinByWalking(folderOf: $0.0, $0.1) }
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.first.map { "\($0.0) + \($0.1)" } ?? "")")
        #expect(pairs.filter { !$0.1.isEmpty && !$0.1.contains("/") && $0.1 != "." && $0.1 != ".." }.count > 500)
    }

    /// What `CSV.parse` was: scalar by scalar.
    static func parsedByScalars(_ text: String, firstLine: Int = 1) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = firstLine
        var recordLine = firstLine
        var inQuotes = false
        var quotedFieldEnded = false
        var atFieldStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !quotedFieldEnded) {
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields = []
            field = ""
            atFieldStart = true
            quotedFieldEnded = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        quotedFieldEnded = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" { continue }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                inQuotes = true
                atFieldStart = false
            case "\"":
                throw CSVError(line: line, problem: .quoteInUnquotedField)
            case ",":
                fields.append(field)
                field = ""
                atFieldStart = true
                quotedFieldEnded = false
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if quotedFieldEnded {
                    throw CSVError(line: line, problem: .textAfterClosingQuote)
                }
                atFieldStart = false
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw CSVError(line: recordLine, problem: .unclosedQuote)
        }
        if !field.isEmpty || !fields.isEmpty || quotedFieldEnded {
            endRecord()
        }
        return records
    }

    @Test("CSV read byte by byte gives the records and errors reading scalar by scalar gave")
    func csvBytes() {
        var rng = SeededGenerator.forTest("csv bytes", fallback: 0xC5F_0018)
        let parts = [",", "\"", "\"\"", "\r\n", "\n", "\r", "a", "通報", "e\u{301}", " ", "\"x,y\"", "\"a\nb\"", "1", "\u{3000}", "🇯🇵"]
        func outcome(_ parse: () throws(CSVError) -> [CSVRecord]) -> String {
            do { return try parse().map { "\($0.line):\($0.fields)" }.joined(separator: ";") } catch { return "error \(error.line) \(error.problem)" }
        }
        let texts = (0..<5_000).map { _ in Self.joined(parts, upTo: 14, &rng) }
        let differing = texts.filter { text in
            outcome { () throws(CSVError) in try CSV.parse(text, firstLine: 3) } != outcome { () throws(CSVError) in try Self.parsedByScalars(text, firstLine: 3) }
        }
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.first.map { $0.unicodeScalars.map(\.value) } ?? [])")
        let parsed = texts.filter { (try? CSV.parse($0)) != nil }.count
        #expect(parsed > 1_000 && parsed < 4_900, "\(parsed) of 5,000 parsed: both outcomes should be common")
    }

    @Test("a heading's explicit id read as bytes is what the Character reading finds, and ids are checked by byte as by scalar")
    func explicitIDs() {
        var rng = SeededGenerator.forTest("explicit ids", fallback: 0x1D5_0018)
        let parts = ["見出し", " ", "  ", "\t", "{#", "}", "id", "A-b_9", "z", "9", "-", "_", "#", "{", "\u{600}", "\u{301}", "e\u{301}",
                     "\u{3000}", "\r\n", "\n", "ｉｄ", "é"]
        // Mostly shaped like `text {#id}` with something random around, some wholly random.
        let texts = (0..<4_000).map { n -> String in
            let random = { (count: Int) in (0..<count).map { _ in parts.randomElement(using: &rng)! }.joined() }
            let idParts = ["id", "A-b_9", "z", "9", "-", "_", "é", "{", "ｉｄ"]
            let id = ["id", "z", "A-b_9", "9", "é"].randomElement(using: &rng)! + Self.joined(idParts, upTo: 2, &rng)
            let trailing = ["", "", " ", "\t ", "\u{3000}", "\r\n", "\u{301}"].randomElement(using: &rng)!
            switch n % 4 {
            case 0: return random(Int.random(in: 0...8, using: &rng))
            case 1: return random(Int.random(in: 0...3, using: &rng)) + "{#" + random(Int.random(in: 0...3, using: &rng)) + "}" + random(Int.random(in: 0...1, using: &rng))
            default: return random(Int.random(in: 0...3, using: &rng)) + ["", " ", "\u{600}", "e\u{301}"].randomElement(using: &rng)! + "{#" + id + "}" + trailing
            }
        }
        var fast = 0
        let differing = texts.filter { text in
            if ExplicitID(validASCIISuffixOf: text) != nil { fast += 1 }
            let a = ExplicitID(parsing: text), b = ExplicitID(byCharacters: text)
            return a?.id != b?.id || a?.remainder != b?.remainder || a?.suffixLength != b?.suffixLength
        }
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.first.map { $0.unicodeScalars.map(\.value) } ?? [])")
        #expect(fast > 150, "only \(fast) read as bytes")
        let ids = texts.compactMap { ExplicitID(byCharacters: $0)?.id } + ["a", "A9-_", "9a", "", "-", "é", "ａ", "a b"]
        let byScalar = { (id: String) -> Bool in
            guard let first = id.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
            return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        }
        #expect(ids.filter { HeadingID.isValidExplicit($0) != byScalar($0) }.isEmpty)
        #expect(ids.filter(HeadingID.isValidExplicit).count > 100)
    }

    @Test("a URL's white space is found by scalar as by Character, and after a prepended mark too; links decode as Foundation decodes")
    func urls() {
        var rng = SeededGenerator.forTest("urls", fallback: 0x0A11_0018)
        let parts = ["https://", "http://", "mailto:", "a.example.jp", "/x", "?q=1", "#f", "%E8%AD%A6", "%zz", "%", "警察",
                     "HTTPS://", "Http://", "hTTp:", "h://", "ftp://", "https:/", "://", "@", "user@", ":", ":8080", "EXAMPLE.COM", "//"] + Self.pieces
        let mixed = (0..<3_000).map { _ in (0..<Int.random(in: 1...8, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined() }
        // ASCII ones, mostly starting like a URL (read as bytes by isHTTP and ExampleText.host).
        let starts = ["https://", "HTTP://", "hTTps:", "http:/", "http://", "ftp://", "h://", "http", "", "mailto:"]
        let asciiParts = ["a.example.jp", "/x", "?q=1", "#f", "@", ":", ":8080", "user@", "EXAMPLE.COM", " ", "\t", "\r\n", "\u{0B}", "//", "%zz", "x"]
        let urls = mixed + (0..<2_000).map { _ in
            starts.randomElement(using: &rng)! + Self.joined(asciiParts, upTo: 5, &rng)
        }
        let http = urls.filter { url in
            let byCharacter = URLText.scheme(of: url).map { $0 == "http" || $0 == "https" } == true
                && URLText.isAllowedExternal(url) && !url.contains(where: \.isWhitespace)
                && !Self.hostLeftUnfinished(url)
            return URLText.isHTTP(url) != byCharacter
        }
        #expect(http.isEmpty, "\(http.count) differ, e.g. \(http.first ?? "")")
        // The ASCII ones (read as bytes) are a good share of them, and some of those are http(s).
        let ascii = urls.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        #expect(ascii.count > 2_000 && ascii.filter(URLText.isHTTP).count > 150, "\(ascii.count) ASCII, \(ascii.filter(URLText.isHTTP).count) http(s)")
        let hosts = urls.filter { ExampleText.host($0) != ExampleText.hostByCharacters($0) }
        #expect(hosts.isEmpty, "\(hosts.count) hosts differ, e.g. \(hosts.first ?? "")")
        #expect(ExampleText.host("HTTPS://User@Sub.Example.NET:8080/x?y#z") == "sub.example.net")
        #expect(ExampleText.host("Info@Example.COM") == "example.com" && ExampleText.host("no host") == nil)
        let decoded = urls.filter { url in
            let (path, fragment) = LinkResolver.splitFragment(url)
            let hash = url.firstIndex(of: "#")
            let expected = hash.map { String(url[..<$0]) } ?? url
            let expectedFragment = hash.map { String(url[url.index(after: $0)...]) }
            return path != (expected.removingPercentEncoding ?? expected)
                || fragment != expectedFragment.map { $0.removingPercentEncoding ?? $0 }
        }
        #expect(decoded.isEmpty, "\(decoded.count) differ, e.g. \(decoded.first ?? "")")
        #expect(URLText.isHTTP("https://www.npa.go.jp/") && !URLText.isHTTP("https://www.npa.go.jp/\u{3000}x"))
        // A space after a prepended mark is inside that mark's Character; it is still white space.
        #expect("\u{600} ".count == 1)
        #expect(!URLText.isHTTP("https://www.npa.go.jp/a\u{600} b"))
        // An example copied and left unfinished is not a URL; two dots in a path may be.
        #expect(!URLText.isHTTP("https://…") && !URLText.isHTTP("https://www.ipa.go.jp/…") && !URLText.isHTTP("https://.../a"))
        #expect(URLText.isHTTP("https://www.ipa.go.jp/a..b") && URLText.isHTTP("https://www.ipa.go.jp/%E2%80%A6"))
    }

    /// An ellipsis anywhere, or an empty label in the host of `scheme://host/…` ("https://.../a").
    static func hostLeftUnfinished(_ url: String) -> Bool {
        guard let slashes = url.range(of: "://") else { return false }
        let host = url[slashes.upperBound...].prefix { !"/?#".contains($0) }
        return url.contains("…") || url.contains("‥") || host.contains("..")
    }

    /// What the summary was: Foundation's count and trimming.
    static func summaryByFoundation(_ text: String) -> String {
        guard text.count > JSONIndexContents.summaryLength else { return text }
        return String(text.prefix(JSONIndexContents.summaryLength)).trimmingCharacters(in: .whitespaces) + "…"
    }

    @Test("a document's summary equals Foundation's prefix and trimming")
    func summary() {
        var rng = SeededGenerator.forTest("summary", fallback: 0x5077_4A47)
        let differing = (0..<3_000).map { _ in Self.randomText(&rng) }.filter { JSONIndexContents.summary(of: $0) != Self.summaryByFoundation($0) }
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.first.map { $0.unicodeScalars.map(\.value) } ?? [])")
        let eighty = String(repeating: "あ", count: 80)
        #expect(JSONIndexContents.summary(of: eighty) == eighty)
        #expect(JSONIndexContents.summary(of: eighty + "い") == eighty + "…")
        #expect(JSONIndexContents.summary(of: " " + eighty) == String(eighty.dropLast()) + "…")
    }

    /// What trimming was: Characters dropped from both ends while white space.
    static func trimmedByCharacters(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    @Test("trimming by the end scalars equals trimming Characters, marks and spaces at either end included")
    func trimming() {
        var rng = SeededGenerator.forTest("trimming", fallback: 0x7212_4D3E)
        var plainEnds = 0
        for _ in 0..<3_000 {
            let text = Self.randomText(&rng)
            let trimmed = text.trimmingSpaces()
            #expect(trimmed == Self.trimmedByCharacters(text), "\(text.unicodeScalars.map(\.value))")
            #expect(text.trimmed() == trimmed)
            if trimmed == text, !text.isEmpty { plainEnds += 1 }
        }
        #expect(plainEnds > 100, "\(plainEnds)")
        for text in ["a\u{301}", " a", "a ", "\u{3000}字", "字\u{3000}", "\u{600} ", "字\u{3099}", "\u{600}a", "ｶﾞ", "\r\n", "。", "", "a \u{302A}", "a \u{302F}", "\u{3000}\u{302E}"] {
            #expect(text.trimmingSpaces() == Self.trimmedByCharacters(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("every scalar that standsAlone is its own Character between any two others of the set")
    func standsAloneScalars() {
        let set = (UInt32(0)...0xFFFF).filter(\.standsAlone)
        // The ends of every run of the set, and a few from the middle, as neighbours.
        var neighbours: [UInt32] = []
        for (i, v) in set.enumerated() where i == 0 || set[i - 1] != v - 1 || i == set.count - 1 || set[i + 1] != v + 1 || v % 997 == 0 {
            neighbours.append(v)
        }
        #expect(set.count > 21_000 && neighbours.count > 20, "\(set.count) \(neighbours.count)")
        for v in set {
            for (before, after) in zip(neighbours, neighbours.reversed()) {
                var text = String.UnicodeScalarView()
                for s in [before, v, after] { text.append(Unicode.Scalar(s)!) }
                #expect(String(text).count == 3, "U+\(String(v, radix: 16)) between U+\(String(before, radix: 16)) and U+\(String(after, radix: 16))")
            }
        }
        // Marks that join what comes before, and a Prepend that joins what follows, are out.
        for v: UInt32 in [0x0D, 0x7F, 0x302A, 0x302F, 0x3099, 0x309A, 0x0600, 0x200D, 0xFE0F, 0xFF9E] {
            #expect(!v.standsAlone, "U+\(String(v, radix: 16))")
        }
    }

    @Test("counted by scalars, mostly Japanese text gives Foundation's summary, marks at the cut included")
    func summaryByScalars() {
        var rng = SeededGenerator.forTest("summary-scalars", fallback: 0x5CA1_A125)
        // Plain pieces, and now and then one that joins its neighbour or is not plain.
        let plain = ["ランサムウェア", "身代金", "。", "、", "「", "」", "\u{3000}", "VPN", " ", "a", "1", "\t", "\n", "Ｗｉｎｄｏｗｓ", "〃", "【", "】"]
        let joining = ["\u{301}", "\u{3099}", "\u{FE0F}", "\u{E0100}", "\r\n", "\u{200D}", "👩‍💻", "ｶﾞ", "é", "\u{600}", "\u{1100}\u{1161}"]
        var byScalars = 0
        for _ in 0..<3_000 {
            var text = ""
            let length = Int.random(in: 40...140, using: &rng)
            while text.unicodeScalars.count < length {
                text += Int.random(in: 0..<150, using: &rng) == 0 ? joining.randomElement(using: &rng)! : plain.randomElement(using: &rng)!
            }
            if JSONIndexContents.plainPrefix(of: text, characters: JSONIndexContents.summaryLength) != .unknown { byScalars += 1 }
            #expect(JSONIndexContents.summary(of: text) == Self.summaryByFoundation(text), "\(text.unicodeScalars.map(\.value))")
        }
        // Both paths were taken often enough to mean something.
        #expect(byScalars > 1_000 && byScalars < 2_900, "\(byScalars)")
        let eighty = String(repeating: "字", count: 80)
        for mark in ["\u{301}", "\u{3099}", "\u{FE00}", "\u{E0100}", "\u{200D}"] {
            #expect(JSONIndexContents.plainPrefix(of: eighty + mark + "字", characters: 80) == .unknown)
            #expect(JSONIndexContents.summary(of: eighty + mark + "字") == Self.summaryByFoundation(eighty + mark + "字"))
        }
        #expect(JSONIndexContents.plainPrefix(of: eighty, characters: 80) == .whole)
        #expect(JSONIndexContents.plainPrefix(of: eighty + "字", characters: 80) == .end(240))
    }
}

/// The definitions the folding functions must equal byte for byte: NFKC and lower case, and the
/// kana fold as it was before it worked on buffers (commit 1b0a8d5).
enum FoldingReference {
    static let single: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [:]
        for (from, to) in KanaFolding.table where from.unicodeScalars.count == 1 && to.unicodeScalars.count == 1 {
            map[from.unicodeScalars.first!.value] = to.unicodeScalars.first!.value
        }
        return map
    }()

    static let afterVu: [UInt32: [UInt32]] = {
        var map: [UInt32: [UInt32]] = [:]
        for (from, to) in KanaFolding.table where from.unicodeScalars.count == 2 {
            map[from.unicodeScalars.dropFirst().first!.value] = to.unicodeScalars.map(\.value)
        }
        return map
    }()

    /// What width and case folding stands for: NFKC, then lower case (the fast path answers this
    /// for everything it copies, and falls back to it for the rest).
    static func widthAndCaseFolded(_ text: String) -> [UInt8] {
        Array(text.precomposedStringWithCompatibilityMapping.lowercased().utf8)
    }

    static func kanaFolded(_ bytes: [UInt8]) -> [UInt8] {
        guard KanaFolding.mayChange(bytes) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var run = 0            // katakana characters in the run written so far
        var pendingBar = false // the run's last character written was ー
        func endRun() {
            if pendingBar, run >= KanaFolding.minimumStemLength { out.removeLast(3) }
            run = 0
            pendingBar = false
        }
        func put(_ v: UInt32) {
            out.append(0xE0 | UInt8(v >> 12))
            out.append(0x80 | UInt8((v >> 6) & 0x3F))
            out.append(0x80 | UInt8(v & 0x3F))
        }
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            guard length == 3, i + 2 < n, b == 0xE3 else {
                endRun()
                out.append(contentsOf: bytes[i..<min(i + length, n)])
                i += length
                continue
            }
            var v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            i += 3
            var replacement: [UInt32]? = nil
            if v == 0x30F4, i + 2 < n, bytes[i] == 0xE3 {  // ヴ and a small vowel after it
                let next = UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                if let r = afterVu[next] { replacement = r; i += 3 }
            }
            if replacement == nil, let r = single[v] { v = r }
            for value in replacement ?? [v] {
                if KanaFolding.isKatakana(value) {
                    run += 1
                    pendingBar = value == 0x30FC
                } else {
                    endRun()
                }
                put(value)
            }
        }
        endRun()
        return out
    }

}

extension TermKey {
    /// The term of `range` in an array of bytes (the tokenizer itself reads a buffer).
    init(_ bytes: [UInt8], _ range: Range<Int>) {
        self = bytes.withUnsafeBufferPointer { TermKey($0, range) }
    }
}
