import Foundation
import Testing
@testable import PortalKit

/// The message catalogue: every id in both languages with the same placeholders, every factory
/// filling all of them, and the reference page up to date.
@Suite struct MessageCatalogueTests {
    /// One of each factory, with values.
    static let examples: [Message] = [
        .yamlSyntax("could not find expected ':'"), .unknownKey("answr", near: "answer", known: ["id", "answer"]),
        .unknownKey("x", near: nil, known: ["id"]), .missingKey("title"), .notWholeNumber("order", "二"), .notDate("updated", "2024-13-01"),
        .frontMatterUnclosed, .unknownFrontMatterKey("titel", near: "title"), .unknownFrontMatterKey("author", near: nil), .noTitle,
        .unknownGroup("g", near: "h", known: ["h"]), .unknownGroup("g", near: nil, known: []), .duplicateSlug("a", earlier: "content/guidance/a.md"),
        .missingPage("a.md", near: "b.md"), .missingHeading("a.md", id: "x", near: nil), .missingFile("a.pdf", looked: "guidance/a.pdf", near: nil),
        .unknownCategory("監視運営", near: "監視運用", valid: "audit"), .registryNotDate("2021-09-31"), .emptyField("name"),
        .missingPartial("page", partial: "footr", expected: "templates/footr.mustache", near: "footer"),
        .sampleData, .placeholderContact("自社"), .emptyRegistry,
    ]

    @Test func everyIDHasBothLanguagesWithTheSamePlaceholders() {
        for (id, entry) in MessageCatalogue.entries {
            #expect(id.range(of: #"^[EW]0[1-6]\d\d$"#, options: .regularExpression) != nil, "\(id)")
            #expect(!entry.en.isEmpty && !entry.ja.isEmpty, "\(id)")
            #expect(Set(Message.placeholders(entry.en)) == Set(Message.placeholders(entry.ja)), "\(id): placeholders differ")
            #expect(entry.ja.unicodeScalars.contains { $0.value >= 0x3040 }, "\(id): the Japanese text is not Japanese")
        }
    }

    @Test func everyFactoryFillsEveryPlaceholderAndEveryIDHasAFactory() {
        for message in Self.examples {
            let entry = try? #require(MessageCatalogue.entries[message.id])
            let given = Set(message.arguments.map(\.name))
            #expect(Set(Message.placeholders(entry?.en ?? "")) == given, "\(message.id)")
            for language in [MessageLanguage.ja, .en] {
                let text = message.text(language)
                #expect(!text.contains("{") && !text.contains("[["), "\(message.id) \(language): \(text)")
            }
        }
        #expect(Set(Self.examples.map(\.id)) == Set(MessageCatalogue.entries.keys))
    }

    @Test func optionalPartsAreLeftOutWhenEmpty() {
        #expect(Message.missingPage("a.md", near: nil).text(.en) == "link to missing page 'a.md'")
        #expect(Message.missingPage("a.md", near: "b.md").text(.ja) == "リンク先のページ 'a.md' がありません。もしかして 'b.md'？")
        #expect(Diagnostic(.error, .load, path: "content/a.md", line: 3, column: 2, Message.missingKey("title")).text(.ja)
            == "content/a.md:3:2: エラー: 必須のキー 'title' がありません [E0103]")
        #expect(Diagnostic(.warning, .load, path: "content/a.md", Message.sampleData).description.hasSuffix("[W0601]"))
    }

    @Test func theReferencePageIsUpToDate() throws {
        let file = TestSite.repositoryRoot.appendingPathComponent("docs/messages.md")
        if GoldenTests.recording {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(MessageCatalogue.reference.utf8).write(to: file)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == MessageCatalogue.reference,
                "docs/messages.md is out of date: run PORTAL_RECORD=1 swift test --filter MessageCatalogueTests")
    }
}
