import Foundation
import PortalMarkdown
import Testing
@testable import PortalKit

/// The build cache's digests come from each input's Codable conformance: every stored property
/// counts, and the same value digests alike whatever order a dictionary happens to iterate in.
@Suite struct FingerprintTests {
    static let entry = ContactEntry(organization: "警察庁", department: "サイバー企画課", purpose: "問い合わせ", phone: PhoneNumber("03-3581-0141"),
                                    extension_: "3961", email: "a@example.jp", url: "https://www.npa.go.jp/", hours: "平日", notes: "注",
                                    placeholder: false, line: 12)

    @Test("changing any one field of an input changes its fingerprint")
    func everyFieldCounts() {
        let base = Fingerprint.of(Self.entry)
        let edits: [(String, (inout ContactEntry) -> Void)] = [
            ("organization", { $0.organization += "x" }), ("department", { $0.department = "" }), ("purpose", { $0.purpose += "。" }),
            ("phone", { $0.phone = PhoneNumber("03-3581-0142") }), ("phone nil", { $0.phone = nil }), ("extension", { $0.extension_ = "3962" }),
            ("email", { $0.email = "b@example.jp" }), ("url", { $0.url += "x" }), ("hours", { $0.hours = "" }), ("notes", { $0.notes = "" }),
            ("placeholder", { $0.placeholder = true }), ("line", { $0.line = 13 }),
        ]
        var seen: Set<StableDigest> = [base]
        for (name, edit) in edits {
            var changed = Self.entry
            edit(&changed)
            #expect(seen.insert(Fingerprint.of(changed)).inserted, "editing \(name) left the fingerprint as it was")
        }
        #expect(Fingerprint.of(Self.entry) == base)
    }

    @Test("dictionaries digest alike whatever their iteration order; arrays keep their order")
    func orderIndependentKeys() {
        let pairs = (0..<200).map { ("key\($0)", $0 * 7) }
        let forward = Dictionary(uniqueKeysWithValues: pairs)
        var backward = [String: Int](minimumCapacity: 4096)
        for (k, v) in pairs.reversed() { backward[k] = v }
        #expect(Array(forward.keys) != Array(backward.keys), "the two dictionaries should iterate differently for this test to mean anything")
        #expect(Fingerprint.of(forward) == Fingerprint.of(backward))
        var other = backward
        other["key7"] = 0
        #expect(Fingerprint.of(other) != Fingerprint.of(forward))
        #expect(Fingerprint.of(["a", "b"]) != Fingerprint.of(["b", "a"]))
        // Nesting and empty values are told apart.
        #expect(Fingerprint.of([["a"], []]) != Fingerprint.of([[], ["a"]]))
        #expect(Fingerprint.of(["": ""]) != Fingerprint.of([String: String]()))
    }

    @Test("two processes record the same fingerprints for every kind of the sample")
    func sameAcrossProcesses() throws {
        // Each process has its own hash seed, so a digest that leaned on dictionary order would
        // differ here. The build cache's render record holds each kind's digest.
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.binary.path))
        let roots = try (0..<2).map { _ in try TestSite.sample() }
        defer { roots.forEach { $0.cleanUp() } }
        var records: [[String: StableDigest]] = []
        for site in roots {
            let run = try CLITests().run(["build", "--quiet"], in: site.root)
            #expect(run.status == 0, "\(run.stderr)")
            var notes: [String] = []
            let record = try #require(RenderCache.read(for: site.request, notes: &notes, fromAnyBinary: true))
            records.append(record.entries.mapValues(\.digest))
        }
        // The kinds rendered from their whole input; the guidance pages are units of their own.
        #expect(records[0].keys.filter { $0.hasPrefix(":kind:") }.sorted()
            == ["incident", "registry", "contacts", "faq", "risk", "maturity", "glossary"].map(RenderCache.kindKey).sorted())
        #expect(records[0].keys.contains("guidance/ransomware-facts.md"))
        #expect(records[0] == records[1])
    }

    @Test("a page's headings and sections digest by hand exactly as through their Codable path")
    func headingAndSectionShortcuts() {
        var random = SeededGenerator.forTest("fingerprint shortcuts", fallback: 20_261_205)
        let words = ["見出し", "", "a", "ランサムウェア", "\u{0}", "x y"]
        func word() -> String { words[Int.random(in: 0..<words.count, using: &random)] }
        var seen: Set<StableDigest> = []
        for _ in 0..<60 {
            let headings = (0..<Int.random(in: 0..<5, using: &random)).map { _ in
                Heading(level: Int.random(in: 1...6, using: &random), text: word(), id: word(), line: Int.random(in: -1...500, using: &random))
            }
            let sections = (0..<Int.random(in: 0..<5, using: &random)).map { _ in
                TextSection(headingID: Bool.random(using: &random) ? word() : nil, title: word(), text: word())
            }
            #expect(Fingerprint.of(headings) == Fingerprint.of(headings, shortcuts: false), "seed \(random.seed)")
            #expect(Fingerprint.of(sections) == Fingerprint.of(sections, shortcuts: false), "seed \(random.seed)")
            // Inside a page, where the render cache meets them.
            let page = RenderedPage(page: CacheCoderTests.page, contentHTML: word(), headings: headings, sections: sections)
            let digest = Fingerprint.of(page)
            #expect(digest == Fingerprint.of(page, shortcuts: false), "seed \(random.seed)")
            seen.insert(digest)
        }
        // The shortcuts tell pages apart as the Codable path does (the seeded pages mostly differ).
        #expect(seen.count > 40)
    }

    @Test("a rendered page's fields digest by hand exactly as through their Codable path, in the page's render inputs too")
    func pageShortcut() throws {
        var random = SeededGenerator.forTest("fingerprint pages", fallback: 20_261_207)
        let words = ["身代金", "", "a", "ランサムウェア", "\u{0}", "x y", "guidance/a.md"]
        func word() -> String { words[Int.random(in: 0..<words.count, using: &random)] }
        let extras = try [#"{"text":"情シス"}"#, #"{"list":[{"text":"A-1"},{"text":""}]}"#,
                          #"{"map":[{"key":"owner","value":{"text":"山田"}},{"key":"forms","value":{"list":[{"text":"B"}]}}]}"#]
            .map { try JSONDecoder().decode(ExtraValue.self, from: Data($0.utf8)) }
        var seen: Set<StableDigest> = []
        for _ in 0..<80 {
            let page = GuidancePage(
                kind: Bool.random(using: &random) ? .guidance : .incident, contentPath: word(), displayPath: word(),
                slug: Slug(["a", "b-1", "ransom"].randomElement(using: &random)!)!, title: word(), summary: word(),
                updated: LocalDate(year: Int.random(in: 1990...2030, using: &random), month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))!,
                sources: (0..<Int.random(in: 0..<3, using: &random)).map { _ in SourceLink(title: word(), url: word()) },
                tags: (0..<Int.random(in: 0..<3, using: &random)).map { _ in word() },
                order: Bool.random(using: &random) ? Int.random(in: -5...900, using: &random) : nil,
                body: word(), bodyLineOffset: Int.random(in: 0...20, using: &random),
                contactGroups: (0..<Int.random(in: 0..<3, using: &random)).map { _ in word() },
                updatedLine: Int.random(in: 1...30, using: &random), updatedColumn: Int.random(in: 1...30, using: &random),
                sample: Bool.random(using: &random), linkTerms: Bool.random(using: &random),
                group: Bool.random(using: &random) ? word() : nil, extra: Bool.random(using: &random) ? extras.randomElement(using: &random) : nil)
            #expect(Fingerprint.of(page) == Fingerprint.of(page, shortcuts: false), "seed \(random.seed)")
            let rendered = RenderedPage(page: page, contentHTML: word(), headings: [Heading(level: 2, text: word(), id: "h", line: 3)],
                                        sections: [TextSection(headingID: nil, title: word(), text: word())])
            let resolved = MarkdownStage.Resolved(parsed: ParsedPage(page: page, document: Markdown.render(page.body)),
                                                  page: rendered, diagnostics: [], documents: [])
            let inputs = PageInputs(page: resolved, neighbours: PageNeighbours(group: page.group, groupIndex: nil, previous: nil, next: nil))
            let digest = Fingerprint.of(inputs)
            #expect(digest == Fingerprint.of(inputs, shortcuts: false), "seed \(random.seed)")
            #expect(Fingerprint.of(rendered) == Fingerprint.of(rendered, shortcuts: false), "seed \(random.seed)")
            seen.insert(digest)
        }
        // Seeded pages mostly differ, and so do their digests.
        #expect(seen.count > 70)
    }

    @Test("search documents digest by hand exactly as through their Codable path")
    func searchDocumentShortcut() {
        var random = SeededGenerator.forTest("fingerprint documents", fallback: 20_261_206)
        let words = ["身代金", "", "a", "ランサムウェア", "\u{0}", "x y", "guidance/a.html#b"]
        func word() -> String { words[Int.random(in: 0..<words.count, using: &random)] }
        var seen: Set<StableDigest> = []
        for _ in 0..<60 {
            let documents = (0..<Int.random(in: 1..<4, using: &random)).map { _ in
                SearchDocument(kind: SearchDocument.Kind.allCases.randomElement(using: &random)!, title: word(),
                               breadcrumb: (0..<Int.random(in: 0..<3, using: &random)).map { _ in word() }, url: word(), text: word(),
                               category: Bool.random(using: &random) ? word() : nil, pageTitle: Bool.random(using: &random) ? word() : nil)
            }
            let digest = Fingerprint.of(documents)
            #expect(digest == Fingerprint.of(documents, shortcuts: false), "seed \(random.seed)")
            seen.insert(digest)
        }
        // Seeded documents mostly differ, and so do their digests.
        #expect(seen.count > 50)
    }
}
