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
    struct Wrapped: Encodable { var title: Text; var tags: [Text]; var note: Text? }
    struct Text: Encodable {
        var value: String
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    @Test("text fields are written as the generic path writes them")
    func textFastPath() {
        for (title, tags, note) in [("初動", ["a", "", "ランサムウェア"], Optional("注")), ("", [], nil), ("x", ["\u{0}"], "")] {
            let plain = CacheCoder.encode(Plain(title: title, tags: tags, note: note))
            let wrapped = CacheCoder.encode(Wrapped(title: Text(value: title), tags: tags.map { Text(value: $0) }, note: note.map { Text(value: $0) }))
            #expect(plain == wrapped)
        }
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
