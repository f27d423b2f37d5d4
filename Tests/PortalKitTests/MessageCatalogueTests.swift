import Foundation
import Testing
@testable import PortalKit
import PortalMarkdown

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
        // 01
        .yamlDuplicateKeys(["title"]), .yamlOther("unexpected end"), .notMapping(.file("site.yml")), .notMapping(.entry("a contact", of: "entries")),
        .wrongType("title", .text), .emptyValue("title"), .outOfRange("review_after_days", 1...36500, 0), .notBool("sample", "maybe"),
        .notList("tags"), .listEntryNotText("tags"), .cannotReadFolder("Permission denied"), .symlinkOutside, .brokenSymlink,
        .cannotReadFile("Permission denied"), .notUTF8, .missingSiteConfig, .badAsOf("2024/12"), .badRegistrySourceURL("ftp://x"),
        .badEncoding("latin1"), .badNavigationPath("/a.html"), .notHTTP("www.example.jp"),
        .yamlFullWidthColon, .yamlFullWidthSpaceAfterColon, .yamlFullWidthIndent, .yamlTabIndent, .unfinishedURL("https://…"),
        .pageNotNamedMD("guidance/a.md"), .pageStillStub, .noContacts, .listJapaneseComma("tags", "、"), .spaceInDestination("a b.png"),
        // 02
        .sourceNotHTTP("www.example.jp"), .badSlug("a/b"), .fileNameNotURL("対応", bare: false), .fileNameNotURL("対応", bare: true), .noDate,
        .unknownContactGroup("police", known: ["internal", "external"]), .indexSlug, .reviewDue("2023-01-01", days: 400, limit: 365),
        .duplicateTitle("概要", earlier: "content/guidance/a.md"),
        // 03
        .linkNoDestination, .linkSchemeRemoved("javascript"), .linkNoScheme("//example.jp"), .missingOwnHeading("x"),
        .missingEntry("glossary.yml", id: "term-x", near: "term-ransomware"), .localLink("C:\\Users\\a.pdf"), .backslashPath("images\\a.png", fixed: "images/a.png"), .localImage("C:/a.png"), .yamlNoSpaceAfterColon, .lookalikeFence, .sampleRegistry("content/services/services.csv"), .noPortalToPublish, .linkOutside("../../a.pdf"), .navigationNotPage("faq.html"),
        // 04
        .missingCategories, .missingServices, .bothCSVAndWorkbook, .unreadableWorkbook,
        .undecodableCSV(.utf8), .undecodableCSV(.shiftJIS), .undecodableCSV(.auto),
        .badCategoryID("監査"), .duplicateCategoryID("audit", line: 3), .noCategories,
        .csv(.quoteInUnquotedField), .csv(.textAfterClosingQuote), .csv(.unclosedQuote), .emptyCSV(columns: ["id", "name"]),
        .workbookUnreadable, .workbookPartUnreadable("xl/workbook.xml"), .workbookPartNotUTF8("xl/workbook.xml"), .notWorkbook, .noSheets,
        .noSuchSheet("一覧", sheets: ["Sheet1"]), .sheetMissing("Sheet1"), .sheetNotXML("Sheet1"), .missingSharedString("C12"),
        .emptySheet, .mergedHeader, .duplicateColumn("name", heading: "サービス名"), .ignoredColumns(["備考"], columns: ["id", "name"]),
        .missingColumn("事業者名", field: "provider"), .rowWidth(3, expected: 9), .formulaCell,
        .duplicateRow(line: 2, name: "診断", provider: "株式会社A"), .duplicateServiceID("a", line: 2), .badPentest("多分"),
        .pentestDisagrees(true, category: "脆弱性診断（ペネトレーションテストなし）", marked: false), .noPentestOption("情報セキュリティ監査"),
        .categoryMarksPentest("監査（ペネトレーションテストあり）", category: "情報セキュリティ監査"), .noRegistry,
        // 05
        .templateSyntax("unfinished tag"), .missingTemplate("home", required: ["home", "page"]), .cannotReadTemplates("No such file"),
        .templateNotUTF8, .templateFailed("page"), .missingTemplate("footer"), .unreadableAsset,
        // 06
        .exampleAddress("url", "https://example.com/"), .fillInMark("〇〇警察署", mark: "〇〇"), .exampleSourceURL("https://example.com/"),
        .exampleRows(3, of: 5, value: "https://example.com/"),
        // 07
        .controlCharacterInName("000A"), .colonInName("a:b.pdf"), .attachmentTooLarge("30 MB", limit: "20 MB"), .activeAttachment("html"),
        .activeSVG(Wording("a <script> element", ja: "<script> 要素")), .caseClash("content/files/Flow.png"), .noAltText("flow.png"),
        .imageScheme("data"), .remoteImage("https://example.jp/a.png"), .imageOutside("../../a.png"), .imageNotFound("a.png", looked: "guidance/a.png", near: "images/a.png"),
        .rawHTMLLeftOut, .badHeadingID("1st"), .duplicateHeadingID("intro"),
        .csv(.quoteInUnquotedField, table: true), .csv(.textAfterClosingQuote, table: true), .csv(.unclosedQuote, table: true),
        .tableEmpty, .tableHeaderOnly, .tableUnnamedHeader, .tableRowWidth(2, expected: 3), .tableOption("title=x"), .checklistEmpty,
        // 08
        .badContactGroupID("警察"), .duplicateContactGroupID("police"), .badPhone("03-1234"), .badEmail("a@"), .extensionWithoutPhone,
        .badFAQID("1"), .duplicateFAQID("q-a", line: 3), .synonymGroupNotList, .synonymNotText, .synonymTooShort("穴"),
        .synonymTwiceInGroup("ＰＣ"), .synonymInOtherGroup("PC", line: 2, as: "パソコン"), .synonymGroupTooSmall,
        .noReading("脆弱性"), .readingNotKana("zeijakusei"), .wordOfOtherTerm("PC", term: "パソコン", line: 4), .unknownSeeAlso("VPN"),
        .noLevels("likelihood"), .missingMatrixRow("高", impact: ["低", "中", "高"]), .missingMatrixCell(likelihood: "高", impact: "低"),
        .badLevelName("高"), .offScale("影響", "特大", valid: ["低", "中", "高"]), .scaleLevelTwice(2), .unnamedScaleLevel(5),
        .directiveOutOfRange(11), .directiveRepeated(3), .directiveTitleTooLong(4), .missingDirectives([9, 10]), .noAssessments,
        .levelDirectiveOutOfRange("levels", id: "11"), .levelOutOfRange("levels", directive: 2, level: 6, valid: "1 初期, 2 反復"),
        .missingLevels("target", directives: [3]),
        // 09
        .contentNotFound, .cannotReadAttachment("Permission denied"), .outputClash, .writeFailed("disk full"), .outputRefused("/"),
        .outputIsInput("/site/content"), .outputInsideInput("/site/content"), .outputNotFolder, .outputNotOurs, .cannotStage("Read-only file system"),
        .stagingWriteFailed("No space left on device"), .outputChanged("index.html"), .swapFailed("Busy", untouched: true),
        .swapFailed("Busy", untouched: false), .updateFailed("index.html", reason: "No space left on device"),
        .notFinishedPortal(marker: ".portal-output"), .publishOverlaps("output"), .publishRefused("/"), .publishStopped("disk full"),
        .cannotPlace("index.html", reason: "Permission denied"), .publishNotOurs,
    ]

    @Test func everyIDHasBothLanguagesWithTheSamePlaceholders() {
        for (id, entry) in MessageCatalogue.entries {
            #expect(id.range(of: #"^[EW]0[1-9]\d\d$"#, options: .regularExpression) != nil, "\(id)")
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
                // A value may hold braces (E0713's '{#id}'): the values are taken out before looking for a placeholder left.
                let text = message.arguments.reduce(message.text(language)) { $0.replacingOccurrences(of: $1.value, with: "") }
                #expect(!text.contains("{") && !text.contains("[["), "\(message.id) \(language): \(message.text(language))")
            }
        }
        #expect(Set(Self.examples.map(\.id)) == Set(MessageCatalogue.entries.keys))
    }

    /// A number is one message: never an E and a W with the same digits.
    @Test func everyNumberIsUsedOnce() {
        let numbers = MessageCatalogue.entries.keys.map { $0.dropFirst() }
        #expect(Set(numbers).count == numbers.count)
    }

    /// Words of portal's own are in Japanese in the Japanese text.
    @Test func wordingsAreTranslated() {
        #expect(Message.wrongType("title", .text).text(.ja) == "'title' には文字列を書いてください")
        #expect(Message.wrongType("title", .text).text(.en) == "'title' must be text")
        #expect(Message.notMapping(.entry("a contact", of: "entries")).text(.ja) == "entries: の各項目は「キー: 値」の形で書いてください")
    }

    /// PortalMarkdown reports its messages in English with their ids: the English must be the catalogue's.
    @Test func markdownMessagesAreTheCatalogues() {
        let markdown = "# One {#1st}\n\n# Two {#two}\n\n# Again {#two}\n\n<b>raw</b>\n\n```table\n```\n\n```table\na,b\n1,\"2\"x\n```\n"
        let document = Markdown.render(markdown, options: MarkdownStage.options(for: SiteConfig(title: "t"), lineOffset: 0))
        #expect(Set(document.diagnostics.compactMap(\.catalogued?.id)) == ["E0713", "E0714", "W0712", "E0718", "E0716"])
        for d in document.diagnostics {
            #expect(d.catalogued != nil, "\(d.message)")
            if let reference = d.catalogued { #expect(Message(reference).text(.en) == d.message) }
        }
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
