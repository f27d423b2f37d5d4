import Foundation
import PortalMarkdown
import Testing
@testable import PortalKit

/// The build cache's format comes from the types' Codable conformances: a round trip gives back
/// every field, and damaged bytes are an error, never a crash.
@Suite struct CacheCoderTests {
    static let page = GuidancePage(kind: .incident, contentPath: "incident.md", displayPath: "content/incident.md", slug: Slug("incident")!,
                                   title: "初動", summary: "要約", updated: LocalDate(year: 2024, month: 12, day: 12)!,
                                   sources: [SourceLink(title: "出典", url: "https://example.org/")], tags: ["a", "b"], order: nil,
                                   body: "本文\n", bodyLineOffset: 7, contactGroups: ["report"], updatedLine: 4, updatedColumn: 10,
                                   sample: true, linkTerms: false)

    @Test("a page, its parse and a dictionary come back field for field")
    func roundTrip() throws {
        let decoded = try CacheCoder.decode(GuidancePage.self, from: CacheCoder.encode(Self.page))
        #expect(decoded == Self.page && decoded !== Self.page)
        #expect(decoded.order == nil && decoded.sample && !decoded.linkTerms)

        let document = Markdown.render("## 見出し {#h}\n\n[a](b.md) と ![画像](c.png)\n", options: MarkdownOptions(
            terms: TermMatcher([.init(words: ["見出し", "と"], destination: "/glossary.yml#t")])))
        #expect(document.links.map(\.kind) == [.link, .term, .image])
        #expect(try CacheCoder.decode(MarkdownDocument.self, from: CacheCoder.encode(document)) == document)

        let report = MaturityReport(scale: [1: "未着手", 2: "一部"], directives: [.init(id: 1, title: "指示1", short: "指示1")],
                                    assessments: [.init(date: LocalDate(year: 2024, month: 4, day: 1)!, levels: [1: 2], target: [1: 3], notes: "")])
        #expect(try CacheCoder.decode(MaturityReport.self, from: CacheCoder.encode(report)) == report)
    }

    /// Text written by the keyed and unkeyed containers' own `String` methods, and the same text
    /// through the generic path (a wrapper whose value is a string), give the same bytes.
    struct Plain: Encodable { var title: String; var tags: [String]; var note: String? }
    struct Wrapped: Encodable { var title: Boxed<String>; var tags: [Boxed<String>]; var note: Boxed<String>? }
    /// A value through a single-value container of its own: the generic path.
    struct Boxed<V: Encodable>: Encodable {
        var value: V
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    @Test("text fields are written as the generic path writes them")
    func textFastPath() {
        for (title, tags, note) in [("初動", ["a", "", "ランサムウェア"], Optional("注")), ("", [], nil), ("x", ["\u{0}"], "")] {
            let plain = CacheCoder.encode(Plain(title: title, tags: tags, note: note))
            let wrapped = CacheCoder.encode(Wrapped(title: Boxed(value: title), tags: tags.map { Boxed(value: $0) }, note: note.map { Boxed(value: $0) }))
            #expect(plain == wrapped)
        }
    }

    /// Integers and Bools through the containers' own methods, and through a wrapper that takes
    /// the generic path, give the same bytes.
    struct Numbers: Encodable { var line: Int; var lines: [Int]; var column: Int?; var flag: Bool }
    struct WrappedNumbers: Encodable { var line: Boxed<Int>; var lines: [Boxed<Int>]; var column: Boxed<Int>?; var flag: Boxed<Bool> }

    @Test("integer and Bool fields are written as the generic path writes them")
    func numberFastPath() {
        for (line, lines, column, flag) in [(0, [1, -1, Int.max, Int.min], Optional(300), true), (-64, [], nil, false), (127, [128], 0, true)] {
            let plain = CacheCoder.encode(Numbers(line: line, lines: lines, column: column, flag: flag))
            let wrapped = CacheCoder.encode(WrappedNumbers(line: Boxed(value: line), lines: lines.map { Boxed(value: $0) },
                                                           column: column.map { Boxed(value: $0) }, flag: Boxed(value: flag)))
            #expect(plain == wrapped, "\(line) \(lines) \(String(describing: column)) \(flag)")
        }
    }

    @Test("a parse written by hand is byte for byte what its Codable conformance writes, and reads back")
    func documentShortcut() throws {
        var random = SeededGenerator.forTest("document shortcut", fallback: 20_261_205)
        let words = ["見出し", "ランサムウェア", "a", "", "警察", "\"<&>'", "x y"]
        func word() -> String { words[Int.random(in: 0..<words.count, using: &random)] }
        func number() -> Int { Int.random(in: -3...100_000, using: &random) }
        var documents: [MarkdownDocument] = [
            MarkdownDocument(slottedHTML: "", headings: [], links: [], sections: [], diagnostics: []),
            Markdown.render("前文\n\n## 見出し {#h}\n\n[a](b.md) と ![画像](c.png)\n\n## {#bad id}\n", options: MarkdownOptions(
                terms: TermMatcher([.init(words: ["見出し", "と"], destination: "/glossary.yml#t")]))),
        ]
        for _ in 0..<50 {
            documents.append(MarkdownDocument(
                slottedHTML: word() + word(),
                headings: (0..<Int.random(in: 0..<4, using: &random)).map { _ in Heading(level: number(), text: word(), id: word(), line: number()) },
                links: (0..<Int.random(in: 0..<4, using: &random)).map { _ in
                    LinkReference(kind: [.link, .image, .term][Int.random(in: 0..<3, using: &random)], destination: word(), title: word(),
                                  text: word(), line: number(), column: number())
                },
                sections: (0..<Int.random(in: 0..<4, using: &random)).map { _ in
                    TextSection(headingID: Bool.random(using: &random) ? word() : nil, title: word(), text: word())
                },
                diagnostics: (0..<Int.random(in: 0..<3, using: &random)).map { _ in
                    MarkdownDiagnostic(severity: Bool.random(using: &random) ? .error : .warning, line: number(), column: number(), message: word(),
                                       catalogued: Bool.random(using: &random) ? MessageReference("E0713", [.init(name: word(), value: word(), ja: nil)]) : nil)
                }))
        }
        #expect(documents[1].diagnostics.count == 1 && documents[1].sections.contains { $0.headingID == nil })
        for document in documents {
            let byHand = CacheCoder.encode(document)
            #expect(byHand == CacheCoder.encode(document, shortcuts: false), "seed \(random.seed)")
            #expect(try CacheCoder.decode(MarkdownDocument.self, from: byHand) == document, "seed \(random.seed)")
        }
        // Inside another value too (the page cache stores it as an optional field).
        struct Stored: Encodable { var path: String; var document: MarkdownDocument? }
        let stored = Stored(path: "guidance/a.md", document: documents[1])
        #expect(CacheCoder.encode(stored) == CacheCoder.encode(stored, shortcuts: false))
    }

    @Test("truncated, flipped or random bytes throw", arguments: 0..<64)
    func damaged(_ seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &+ 0x5EED)
        var bytes = CacheCoder.encode(Self.page)
        switch seed % 3 {
        case 0: bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
        case 1: bytes[Int.random(in: 0..<4, using: &random)] ^= 0x40
        default: bytes = (0..<Int.random(in: 0..<200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        #expect(throws: (any Error).self) { try CacheCoder.decode(GuidancePage.self, from: bytes) }
    }
}
