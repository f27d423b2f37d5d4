import Foundation
import Testing
@testable import PortalKit

struct SearchVector: Decodable, Sendable, CustomStringConvertible {
    var input: String
    var normalized: String
    var tokens: [String]
    var description: String { input }
}

struct QualityCase: Decodable, Sendable, CustomStringConvertible {
    var query: String
    var page: String
    var description: String { query }
}

enum SharedFiles {
    static let folder = TestSite.repositoryRoot.appendingPathComponent("Tests/Shared")

    static var vectors: [SearchVector] {
        struct File: Decodable { var vectors: [SearchVector] }
        let data = try! Data(contentsOf: folder.appendingPathComponent("search-vectors.json"))
        return try! JSONDecoder().decode(File.self, from: data).vectors
    }

    static var quality: [QualityCase] {
        struct File: Decodable { var queries: [QualityCase] }
        let data = try! Data(contentsOf: folder.appendingPathComponent("search-quality.json"))
        return try! JSONDecoder().decode(File.self, from: data).queries
    }
}

/// The sample portal's index, built once for the quality tests.
actor SampleIndex {
    static let shared = SampleIndex()
    private var cached: SearchIndex?

    func get() async throws -> SearchIndex {
        if let cached { return cached }
        var log = DiagnosticLog()
        let root = TestSite.repositoryRoot
        let site = try #require(await SiteLoader.load(ContentFolder(root: root.appendingPathComponent("content"), displayRoot: "content"), log: &log))
        let templates = try #require(TemplateSet.load(from: root.appendingPathComponent("templates"), displayRoot: "templates", log: &log))
        let output = await SiteRenderer(templates: templates).render(site, log: &log)
        #expect(!log.hasErrors)
        let index = await SearchIndex.build(output.searchDocuments)
        cached = index
        return index
    }
}

@Suite struct SearchTests {
    @Test("the text rule matches the shared vectors", arguments: SharedFiles.vectors)
    func vectors(_ v: SearchVector) {
        #expect(SearchText.fold(v.input) == v.normalized)
        #expect(SearchTokenizer.tokens(v.input) == v.tokens)
    }

    @Test("each query returns its page in the first three results", arguments: SharedFiles.quality)
    func quality(_ c: QualityCase) async throws {
        let index = try await SampleIndex.shared.get()
        let top = index.query(c.query).prefix(3).map { index.documents[$0].url }
        #expect(top.contains { $0 == c.page || $0.hasPrefix(c.page + "#") }, "top 3 for \(c.query): \(top)")
    }

    @Test("full-width, half-width and case variants give the same results")
    func variants() async throws {
        let index = try await SampleIndex.shared.get()
        #expect(index.query("ＶＰＮ") == index.query("vpn"))
        #expect(index.query("Vpn") == index.query("ｖｐｎ"))
        #expect(index.query("ﾗﾝｻﾑｳｪｱ") == index.query("ランサムウェア"))
    }

    @Test("all query tokens must match; unknown words find nothing")
    func conjunctive() async throws {
        let index = try await SampleIndex.shared.get()
        #expect(index.query("ランサムウェア xyzzyq").isEmpty)
        #expect(index.query("   ").isEmpty)
        let both = Set(index.query("警察 通報", limit: 1000))
        let police = Set(index.query("警察", limit: 1000))
        #expect(both.isSubset(of: police))
    }

    @Test("documents cover guidance sections, services, contacts and FAQ with relative URLs")
    func documents() async throws {
        let index = try await SampleIndex.shared.get()
        let kinds = Dictionary(grouping: index.documents, by: \.kind).mapValues(\.count)
        #expect(kinds[.service] == 339)
        #expect((kinds[.guidance] ?? 0) > 30)
        #expect((kinds[.faq] ?? 0) >= 4)
        #expect((kinds[.contact] ?? 0) >= 5)
        #expect(index.documents.allSatisfy { !$0.url.hasPrefix("/") && URLText.scheme(of: $0.url) == nil })
        #expect(index.documents.contains { $0.url == "guidance/after-damage.html#report" && $0.breadcrumb == ["ガイダンス", "被害発生時の対応"] })
    }

    @Test("the index is a pure function: built twice, encoded the same")
    func deterministic() async {
        let docs = [
            SearchDocument(kind: .guidance, title: "通報", breadcrumb: ["ガイダンス"], url: "a.html", text: "速やかに通報する"),
            SearchDocument(kind: .service, title: "VPN診断", breadcrumb: ["認定サービス"], url: "b.html#x", text: "ＶＰＮ機器", category: "vulnerability"),
        ]
        let a = await SearchIndexFiles.files(SearchIndex.build(docs))
        let b = await SearchIndexFiles.files(SearchIndex.build(docs))
        #expect(a == b)
        #expect(a.map(\.path.string).contains("search/meta.js"))
        #expect(await SearchIndex.build(docs).query("vpn") == [1])
    }

    @Test("postings encode as base-36 gaps")
    func postingsEncoding() {
        let encoded = SearchIndexFiles.encodePostings([.init(document: 3, weight: 100), .init(document: 40, weight: 7)])
        #expect(encoded == "3:2s,11:7")
    }

    @Test("hostile text cannot break out of the index scripts")
    func scriptSafety() async {
        let docs = [SearchDocument(kind: .faq, title: "</script><script>alert(1)</script>", breadcrumb: [], url: "faq.html", text: "a\u{2028}b")]
        for file in await SearchIndexFiles.files(SearchIndex.build(docs)) where file.path.string.hasSuffix(".js") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("</script"))
            #expect(!text.contains("\u{2028}"))
        }
    }
}

@Suite struct FoldTests {
    @Test("the fast path agrees with NFKC + lower case", arguments: [
        "VPN機器", "ＶＰＮ", "ｶﾞｲﾄﾞ", "か\u{3099}", "①②", "㈱サンプル", "Straße", "ÀÉ", "普通の日本語の文章です。", "", "Ⅻ", "ﾗﾝｻﾑｳｪｱ", "ｱｲｳ ABC ｘｙｚ",
    ])
    func fastPath(_ text: String) {
        #expect(SearchText.fold(text) == text.precomposedStringWithCompatibilityMapping.lowercased())
    }
}

@Suite struct FoldBytesTests {
    @Test("the indexer's byte path folds exactly like fold()", arguments: [
        "VPN機器（ＶＰＮ）・【重要】～", "ｶﾞｲﾄﾞ", "か\u{3099}", "①②", "㈱サンプル", "Straße", "ÀÉ", "普通の日本語の文章です。", "", "Ⅻ", "　全角スペース", "ＡＢＣ１２３ｘｙｚ！？",
    ])
    func same(_ text: String) {
        #expect(SearchText.foldedUTF8(text) == Array(SearchText.fold(text).utf8))
        #expect(String(decoding: SearchText.foldedUTF8(text), as: UTF8.self) == text.precomposedStringWithCompatibilityMapping.lowercased())
    }
}
