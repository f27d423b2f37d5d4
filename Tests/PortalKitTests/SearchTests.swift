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
    /// Any of these among the first three results counts as right.
    var pages: [String]?
    /// The query must find nothing.
    var none: Bool?
    /// One of `pages` must be the very first result.
    var first: Bool?
    var description: String { query }
}

struct QueryVector: Decodable, Sendable, CustomStringConvertible {
    var query: String
    var words: [[String]]
    var description: String { query }
}

struct WordsVector: Decodable, Sendable {
    var folding: [[String]]
    var stem: Int
    var stopWords: [String]
    var synonyms: [[String]]
}

enum SharedFiles {
    static let folder = TestSite.repositoryRoot.appendingPathComponent("Tests/Shared")

    static var vectors: [SearchVector] {
        struct File: Decodable { var vectors: [SearchVector] }
        let data = try! Data(contentsOf: folder.appendingPathComponent("search-vectors.json"))
        return try! JSONDecoder().decode(File.self, from: data).vectors
    }

    static var queries: [QueryVector] {
        struct File: Decodable { var queries: [QueryVector] }
        let data = try! Data(contentsOf: folder.appendingPathComponent("search-vectors.json"))
        return try! JSONDecoder().decode(File.self, from: data).queries
    }

    static var words: WordsVector {
        struct File: Decodable { var words: WordsVector }
        let data = try! Data(contentsOf: folder.appendingPathComponent("search-vectors.json"))
        return try! JSONDecoder().decode(File.self, from: data).words
    }

    static var quality: [QualityCase] {
        struct File: Decodable { var queries: [QualityCase] }
        let data = try! Data(contentsOf: folder.appendingPathComponent("search-quality.json"))
        return try! JSONDecoder().decode(File.self, from: data).queries
    }
}

/// The sample portal's index and synonyms, built once for the quality tests. The build is one
/// shared task: an actor method that awaits is re-entered, and every parallel test would
/// otherwise build its own index.
enum SampleIndex {
    struct Built: Sendable {
        var index: SearchIndex
        var synonyms: SynonymTable
    }

    static let built = Task<Built, Error> {
        var log = DiagnosticLog()
        let root = TestSite.repositoryRoot
        let site = try #require(await SiteLoader.load(ContentFolder(root: root.appendingPathComponent("content"), displayRoot: "content"), log: &log))
        let templates = try #require(TemplateSet.load(from: root.appendingPathComponent("templates"), displayRoot: "templates", log: &log))
        let output = await SiteRenderer(templates: templates).render(site, log: &log)
        #expect(!log.hasErrors)
        return Built(index: await SearchIndex.build(output.searchDocuments), synonyms: site.synonyms)
    }

    static var shared: Shared { Shared() }

    struct Shared {
        func get() async throws -> SearchIndex { try await SampleIndex.built.value.index }
        func synonyms() async throws -> SynonymTable { try await SampleIndex.built.value.synonyms }
    }
}

@Suite struct SearchTests {
    @Test("the text rule matches the shared vectors", arguments: SharedFiles.vectors)
    func vectors(_ v: SearchVector) {
        #expect(SearchText.fold(v.input) == v.normalized)
        #expect(SearchTokenizer.tokens(v.input) == v.tokens)
    }

    @Test("queries split into the shared vectors' words and alternatives", arguments: SharedFiles.queries)
    func queryWords(_ v: QueryVector) {
        let synonyms = SynonymTable(groups: SharedFiles.words.synonyms)
        #expect(QueryWords.parse(v.query, synonyms: synonyms).map(\.alternatives) == v.words)
    }

    @Test("search/words.js carries the one folding table, the stop words and the synonyms the vectors were made with")
    func wordsScript() throws {
        let w = SharedFiles.words
        #expect(KanaFolding.table.map { [$0.from, $0.to] } == w.folding)
        #expect(KanaFolding.minimumStemLength == w.stem)
        #expect(QueryWords.stopWords == Set(w.stopWords))
        let text = String(decoding: SearchWordsScript.file(synonyms: SynonymTable(groups: w.synonyms)).bytes, as: UTF8.self)
        let json = try #require(text.split(separator: "=", maxSplits: 1).last?.dropLast(2))
        let decoded = try JSONDecoder().decode(WordsVector.self, from: Data(json.utf8))
        #expect(decoded.folding == w.folding && decoded.synonyms == w.synonyms && Set(decoded.stopWords) == Set(w.stopWords))
    }

    @Test("each realistic query finds a right page in the first three results, or nothing when it must", arguments: SharedFiles.quality)
    func quality(_ c: QualityCase) async throws {
        let index = try await SampleIndex.shared.get()
        let results = index.search(c.query, synonyms: try await SampleIndex.shared.synonyms())
        // A glossary entry is a result of its own (glossary.html#term-…): the table names its page.
        let top = results.prefix(3).map { String($0.page.prefix { $0 != "#" }) }
        if c.none == true {
            #expect(results.isEmpty, "\(c.query) should find nothing, found \(results.map(\.page))")
        } else {
            #expect(top.contains { (c.pages ?? []).contains($0) }, "top 3 for \(c.query): \(top), expected one of \(c.pages ?? [])")
            if c.first == true { #expect((c.pages ?? []).contains(top.first ?? ""), "first for \(c.query): \(top)") }
        }
    }

    @Test("full-width, half-width, case and kana variants give the same results")
    func variants() async throws {
        let index = try await SampleIndex.shared.get()
        #expect(index.search("ＶＰＮ") == index.search("vpn"))
        #expect(index.search("Vpn") == index.search("ｖｐｎ"))
        #expect(index.search("ﾗﾝｻﾑｳｪｱ") == index.search("ランサムウェア"))
        #expect(index.search("ランサムウエア") == index.search("ランサムウェア"))
        #expect(index.search("サーバー") == index.search("サーバ"))
        #expect(!index.search("ランサムウエア").isEmpty)
    }

    @Test("pages holding every word come first; partial matches follow, naming the missing word; a stray piece never matches")
    func partialMatches() async throws {
        let index = try await SampleIndex.shared.get()
        #expect(index.search("ランサムウェア xyzzyq").allSatisfy { $0.missing == ["xyzzyq"] })
        #expect(!index.search("ランサムウェア xyzzyq").isEmpty)
        #expect(index.search("   ").isEmpty)
        #expect(index.search("新幹線").isEmpty)
        #expect(index.search("量子ブロックチェーン").isEmpty)
        let both = index.search("警察 通報")
        let firstPartial = both.firstIndex { !$0.missing.isEmpty } ?? both.count
        #expect(firstPartial > 0)
        #expect(both[firstPartial...].allSatisfy { !$0.missing.isEmpty })
        #expect(both[..<firstPartial].allSatisfy { $0.missing.isEmpty })
    }

    @Test("results are one per page, with at most three sections; services are one registry result unless named")
    func grouping() async throws {
        let index = try await SampleIndex.shared.get()
        let results = index.search("フォレンジック")
        #expect(Set(results.map(\.page)).count == results.count)
        #expect(results.allSatisfy { $0.documents.count <= 3 })
        let registry = try #require(results.first { if case .registry = $0.kind { true } else { false } })
        guard case .registry(let count, let byCategory) = registry.kind else { return }
        #expect(count >= 39)
        #expect(byCategory.contains { $0.category == "forensics" && $0.count == 39 })
        let registryRank = try #require(results.firstIndex(of: registry))
        // The page about the topic (the category's page) comes before the rows that mention it.
        #expect(results[..<registryRank].contains { index.documents[$0.documents[0]].kind != .service })
        // A service named in full is shown as its own row.
        let named = index.documents.first { $0.kind == .service }!
        let direct = index.search(named.title)
        #expect(direct.contains { $0.kind == .service && $0.documents == [index.documents.firstIndex { $0 === named }!] })
    }

    @Test("documents cover guidance sections, services, contacts and FAQ with relative URLs")
    func documents() async throws {
        let index = try await SampleIndex.shared.get()
        let kinds = Dictionary(grouping: index.documents, by: \.kind).mapValues(\.count)
        #expect(kinds[.service] == 339)
        #expect(Set(index.documents.filter { $0.kind == .page }.map(\.url)).isSuperset(of: [
            "index.html", "guidance/index.html", "services/index.html", "services/forensics.html", "contacts.html", "faq.html",
            "reports/risk.html", "reports/maturity.html", "sitemap.html"]))
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
            SearchDocument(kind: .service, title: "VPN診断", breadcrumb: ["基準適合サービス"], url: "b.html#x", text: "ＶＰＮ機器", category: "vulnerability"),
        ]
        let a = await SearchIndexFiles.files(SearchIndex.build(docs))
        let b = await SearchIndexFiles.files(SearchIndex.build(docs))
        #expect(a == b)
        #expect(a.map(\.path.string).contains("search/meta.js"))
        #expect(await SearchIndex.build(docs).search("vpn").map(\.documents) == [[1]])
    }

    @Test("document chunks and tails travel deflated, as base64 the browser inflates to their JSON")
    func compressedScripts() async throws {
        // 301 documents share a word: its postings overflow the head into a tail.
        let docs = (0...300).map { i in
            SearchDocument(kind: .guidance, title: "通報 \(i)", breadcrumb: ["ガイダンス"], url: "p\(i).html", text: "警察に通報する手順 \(i)")
        }
        let files = await SearchIndexFiles.files(SearchIndex.build(docs))
        let chunks = files.filter { $0.path.string.hasPrefix("search/docs-") }
        let tails = files.filter { $0.path.string.hasPrefix("search/tails-") }
        try #require(!chunks.isEmpty && !tails.isEmpty)
        var rows: [[String]] = []
        var tailTerms: Set<String> = []
        for file in chunks + tails {
            let text = String(decoding: file.bytes, as: UTF8.self)
            let readable = GoldenTests.readable(text)
            #expect(readable.contains("/* inflated by GoldenTests */"), "\(file.path.string) is not a compressed script")
            #expect(!text.contains("通報"), "\(file.path.string) carries plain text")
            let json = Data(readable[readable.range(of: "*/ ")!.upperBound...].dropLast(3).utf8)
            if file.path.string.hasPrefix("search/docs-") {
                rows += try JSONDecoder().decode([[String]].self, from: json)
            } else {
                tailTerms.formUnion(try JSONDecoder().decode([String: String].self, from: json).keys)
            }
        }
        #expect(tailTerms.contains("通報"))
        #expect(rows.map { $0[3] } == docs.map(\.url))
        #expect(rows.map { $0[4] } == docs.map(\.text))
        // Smaller than the rows themselves, even at this size.
        let raw = rows.reduce(0) { $0 + $1.joined().utf8.count }
        #expect(chunks.reduce(0) { $0 + $1.bytes.count } < raw)
    }

    @Test("parts deflated on their own join into one zlib stream: zlib inflates it to the parts in order")
    func deflateParts() throws {
        var random = SeededGenerator.forTest("deflate parts", fallback: 20_261_204)
        for level: Int32 in [1, 3, 6, 9] {
            let parts: [[UInt8]] = (0..<6).map { n in
                // Text-like parts, one empty, one of random bytes.
                n == 2 ? [] : n == 4 ? (0..<3000).map { _ in UInt8.random(in: 0...255, using: &random) }
                    : Array(String(repeating: "警察に通報\(Int.random(in: 0..<100, using: &random)),", count: 200).utf8)
            } + [Array("}".utf8)]
            let made = parts.enumerated().map { Deflate.part($1, level: level, last: $0 == parts.count - 1) }
            let stream = Deflate.stream(made, level: level)
            let inflated = try #require(Deflate.inflate(stream), "level \(level), seed \(random.seed): not a valid stream")
            #expect(inflated.elementsEqual(parts.joined()), "level \(level), seed \(random.seed)")
            // The header a whole stream gets at this level (libdeflate writes zlib's).
            #expect(Array(stream.prefix(2)) == Array(Deflate.compress([1, 2, 3], level: level).prefix(2)), "level \(level)")
            // A wrong checksum is caught: the parts' sums were combined, not made up.
            var broken = stream
            broken[broken.count - 1] ^= 1
            #expect(Deflate.inflate(broken) == nil)
        }
    }

    @Test("parts of every size and kind (several blocks, stored blocks, empty) end in a sync flush and join into one stream")
    func deflatePartsOfEveryKind() throws {
        var random = SeededGenerator.forTest("deflate parts of every kind", fallback: 20_261_206)
        for round in 0..<12 {
            let level = Int32([1, 4, 6, 12][round % 4])
            let parts: [[UInt8]] = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                switch Int.random(in: 0..<4, using: &random) {
                case 0: return []
                // Incompressible: libdeflate writes stored blocks.
                case 1: return (0..<Int.random(in: 1...150_000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                // Long and varied enough for several blocks.
                case 2: return Array((0..<Int.random(in: 1...40_000, using: &random)).map { _ in "\(Int.random(in: 0..<5000, using: &random))|" }.joined().utf8)
                default: return Array(String(repeating: "通報", count: Int.random(in: 1...50, using: &random)).utf8)
                }
            } + [Array("}".utf8)]
            let made = parts.enumerated().map { Deflate.part($1, level: level, last: $0 == parts.count - 1) }
            for part in made.dropLast() {
                #expect(Array(part.bytes.suffix(4)) == [0x00, 0x00, 0xFF, 0xFF], "round \(round), seed \(random.seed)")
            }
            let inflated = try #require(Deflate.inflate(Deflate.stream(made, level: level)), "round \(round), seed \(random.seed)")
            #expect(inflated.elementsEqual(parts.joined()), "round \(round), seed \(random.seed)")
        }
    }

    @Test("a whole stream (libdeflate) inflates with zlib to its input, at every level, and is the same each time")
    func deflateWhole() throws {
        var random = SeededGenerator.forTest("deflate whole", fallback: 20_261_205)
        let inputs: [[UInt8]] = [
            [],
            Array("[\"警察に通報\"]".utf8),
            Array((0..<2000).map { _ in "ランサムウェア\(Int.random(in: 0..<1000, using: &random))," }.joined().utf8),
            (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &random) },
        ]
        for level: Int32 in [1, 4, 6, 9, 12] {
            for input in inputs {
                let stream = Deflate.compress(input, level: level)
                #expect(Deflate.inflate(stream) == input, "level \(level), \(input.count) bytes, seed \(random.seed)")
                #expect(Deflate.compress(input, level: level) == stream, "level \(level): not deterministic")
            }
        }
    }

    @Test("a long tail is cut where its content says: an edit inside it compresses again only the parts around it")
    func tailParts() throws {
        var random = SeededGenerator.forTest("tail parts", fallback: 20_261_204)
        // Digits and separators, like encoded postings, 400 kB.
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz,|".utf8)
        var tail = (0..<400_000).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
        let before = TailParts.make(tail, first: true, level: SearchIndexFiles.tailLevel, earlier: nil)
        let sizes = before.parts.map(\.range.count)
        #expect(before.parts.count > 4, "seed \(random.seed)")
        #expect(sizes.allSatisfy { $0 >= TailParts.minimum && $0 <= TailParts.maximum }, "\(sizes), seed \(random.seed)")
        #expect(before.parts.map(\.range.lowerBound) == [0] + before.parts.dropLast().map(\.range.upperBound))
        // The parts joined are the tail behind its separator.
        let stream = Deflate.stream(before.parts.map(\.deflated) + [SearchIndexFiles.tailEnd], level: SearchIndexFiles.tailLevel)
        #expect(Deflate.inflate(stream)?.elementsEqual([UInt8(ascii: "{")] + tail + [UInt8(ascii: "}")]) == true, "seed \(random.seed)")

        // Three bytes inserted in the middle: the cuts after them move with them.
        let at = Int.random(in: 150_000..<250_000, using: &random)
        tail.insert(contentsOf: Array("9|9".utf8), at: at)
        let after = TailParts.make(tail, first: true, level: SearchIndexFiles.tailLevel, earlier: before)
        // Taken, not compressed again: earlier parts marked with bytes no deflate writes come back marked.
        var marked = before
        for i in marked.parts.indices { marked.parts[i].deflated.bytes = [0xEE, UInt8(i)] }
        let kept = TailParts.make(tail, first: true, level: SearchIndexFiles.tailLevel, earlier: marked).parts.filter { $0.deflated.bytes.first == 0xEE }.count
        #expect(kept >= after.parts.count - 2, "\(kept) of \(after.parts.count) parts kept, seed \(random.seed)")
        #expect(TailParts.make(tail, first: true, level: SearchIndexFiles.tailLevel, earlier: nil).parts.map(\.deflated) == after.parts.map(\.deflated),
                "reused parts differ from a fresh build's, seed \(random.seed)")
        // Moved to be second in its file, the first part (which carries the separator) is not reused.
        let second = TailParts.make(tail, first: false, level: SearchIndexFiles.tailLevel, earlier: after)
        #expect(second.parts[0].deflated != after.parts[0].deflated)
        #expect(Deflate.inflate(Deflate.stream(second.parts.map(\.deflated) + [SearchIndexFiles.tailEnd], level: SearchIndexFiles.tailLevel))?.first == UInt8(ascii: ","))
    }

    @Test("an index built without its term counts (a single build) is rebuilt, not patched, when updated")
    func unpatchableUpdate() async {
        func docs(_ word: String) -> [SearchDocument] {
            (0..<3).map { SearchDocument(kind: .guidance, title: "頁\($0)", breadcrumb: [], url: "p\($0).html", text: "\(word) の手順 \($0)") }
        }
        var single = await SearchIndexState.build(docs("通報"), patchable: false)
        await single.update(docs("保全"))
        var fresh = await SearchIndexState.build(docs("保全"))
        #expect(single.index == fresh.index)
        #expect(await single.files() == fresh.files())
        #expect(single.index.search("保全").count == 3)
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
    @Test("the fast path agrees with NFKC + lower case (text the kana folding leaves alone)", arguments: [
        "VPN機器", "ＶＰＮ", "ｶﾞｲﾄﾞ", "か\u{3099}", "①②", "㈱サンプル", "Straße", "ÀÉ", "普通の日本語の文章です。", "", "Ⅻ", "ｱｲｳ ABC ｘｙｚ",
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
        #expect(String(decoding: SearchText.foldedUTF8(text), as: UTF8.self) == KanaFolding.fold(text.precomposedStringWithCompatibilityMapping.lowercased()))
    }
}
