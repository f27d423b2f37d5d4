import Foundation
import Testing
@testable import PortalKit

/// The full build is the specification: after every edit of a seeded random sequence, watch's
/// incremental rebuild (a session) and `portal build` with its cache must write exactly the bytes
/// a build without any memory of the past writes. Edits keep the site valid (links follow
/// renames and deletions), so every build succeeds and every difference is a bug.
@Suite struct IncrementalOracleTests {
    static let edits = 200

    /// The site as the generator knows it; pages are written from it after each edit.
    struct Model {
        struct Page {
            var title: String
            var headings: [String]
            var paragraphs: [String]
            /// Other pages' names, with a heading of theirs or not.
            var links: [(page: String, heading: String?)]
            /// Where its file goes, when not its file's name: links to it change, their Markdown does not.
            var slug: String? = nil
        }
        var pages: [String: Page] = [:]
        var counter = 0

        mutating func fresh() -> Int { counter += 1; return counter }

        func markdown(_ name: String) -> String {
            let p = pages[name]!
            // Two groups, so that each page has neighbours whose titles it shows (and loses them when they move).
            let group = name.utf8.reduce(0) { $0 + Int($1) } % 2 == 0 ? "甲" : "乙"
            var out = "---\ntitle: \(p.title)\nupdated: 2025-01-15\ngroup: \(group)\n" + (p.slug.map { "slug: \($0)\n" } ?? "") + "---\n"
            out += p.paragraphs.joined(separator: "\n\n") + "\n"
            for (i, h) in p.headings.enumerated() {
                out += "\n## 見出し\(h) {#\(h)}\n\n節\(i)の本文です。\n"
            }
            if !p.links.isEmpty {
                out += "\n" + p.links.map { l in "[\(l.page)へ](\(l.page).md\(l.heading.map { "#" + $0 } ?? ""))" }.joined(separator: "と") + "\n"
            }
            return out
        }
    }

    static let sentences = ["被害に気づいたら記録を残します。", "VPN機器の更新を確認します。", "バックアップを別の場所に保管します。",
                            "警察へ早めに相談します。", "ランサムウェアの手口を知っておきます。", "パスワードを使い回さないようにします。"]

    /// Terms the sentences use: their first use on each page links to the glossary.
    static let terms = ["VPN機器", "ランサムウェア", "バックアップ", "パスワード", "警察"]

    static func glossary(_ terms: [String], definition: Int) -> String {
        "terms:\n" + terms.map { "  - term: \($0)\n    reading: よみ\n    definition: 説明\(definition)。[手順](guidance/p1.md)\n" }.joined()
    }

    /// The incident sheet prints contacts.yml's group `report` and links to a heading of p1.
    static func incident(_ paragraphs: [String], heading: String?) -> String {
        "---\ntitle: 初動対応\nupdated: 2025-01-15\ncontacts: [report]\n---\n" + paragraphs.joined(separator: "\n\n")
            + "\n\n[手順](guidance/p1.md\(heading.map { "#" + $0 } ?? ""))を見ます。\n"
    }

    static func contacts(_ n: Int) -> String {
        "groups:\n  - id: report\n    title: 通報\(n)\n    entries:\n      - organization: 警察\(n)\n        purpose: 通報\n        phone: 03-1234-5678\n"
            + "  - id: other\n    title: その他\n    entries:\n      - organization: 窓口\n        purpose: 相談\n        phone: 03-1234-0000\n"
    }

    @Test("after each of 200 seeded random edits, watch's rebuild and portal build with its cache equal a full build")
    func oracle() async throws {
        var random = SeededGenerator.forTest("incremental oracle", fallback: 4_12_2026)
        let site = try TestSite([
            "content/services/categories.yml": try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("content/services/categories.yml"), encoding: .utf8),
            "content/services/services.csv": (try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("content/services/services.csv"), encoding: .utf8))
                .split(separator: "\n").prefix(8).joined(separator: "\n") + "\n",
            "content/faq.yml": "entries:\n  - id: first\n    category: 通報\n    question: 通報は必要ですか？\n    answer: |\n      はい。[手順](guidance/p1.md)を見てください。\n",
            "content/glossary.yml": Self.glossary(["VPN機器", "ランサムウェア"], definition: 0),
            "content/site.yml": "title: ポータル\nlanguage: ja\nguidance_groups: [甲, 乙]\n",
            "content/contacts.yml": Self.contacts(0),
        ])
        defer { site.cleanUp() }
        let registry = try #require(site.read("content/services/services.csv"))
        #expect(registry.contains("（サンプル）001"))
        var model = Model()
        var glossaryTerms = ["VPN機器", "ランサムウェア"]
        for name in ["p1", "p2", "p3"] {
            model.pages[name] = Model.Page(title: "ページ\(name)", headings: ["h\(model.fresh())"], paragraphs: [Self.sentences[0]], links: [])
        }
        func write(_ name: String) throws { try site.write("content/guidance/\(name).md", model.markdown(name)) }
        for name in model.pages.keys { try write(name) }
        var sheet = (paragraphs: [Self.sentences[3]], heading: model.pages["p1"]!.headings.first)
        func writeSheet() throws { try site.write("content/incident.md", Self.incident(sheet.paragraphs, heading: sheet.heading)) }
        try writeSheet()

        var session = BuildSession()
        try await site.build(session: &session)
        try await site.build(output: "cached")
        var checked = 0
        for step in 0..<Self.edits {
            let names = model.pages.keys.sorted()
            let pick = names[Int.random(in: 0..<names.count, using: &random)]
            let what: String
            switch Int.random(in: 0..<16, using: &random) {
            case 0:
                model.pages[pick]!.paragraphs.append(Self.sentences.randomElement(using: &random)!)
                try write(pick); what = "text of \(pick)"
            case 1:
                model.pages[pick]!.title = "題名\(model.fresh())"
                try write(pick); what = "title of \(pick)"
            case 2:
                model.pages[pick]!.headings.append("h\(model.fresh())")
                try write(pick); what = "heading added to \(pick)"
            case 3:
                // A heading renamed: links to it follow.
                guard let old = model.pages[pick]!.headings.first else { continue }
                let new = "h\(model.fresh())"
                model.pages[pick]!.headings[0] = new
                try write(pick)
                for other in names where model.pages[other]!.links.contains(where: { $0.page == pick && $0.heading == old }) {
                    model.pages[other]!.links = model.pages[other]!.links.map { $0.page == pick && $0.heading == old ? (pick, new) : $0 }
                    try write(other)
                }
                if pick == "p1", sheet.heading == old {
                    sheet.heading = new
                    try writeSheet()
                }
                what = "heading of \(pick) renamed"
            case 4:
                let target = names[Int.random(in: 0..<names.count, using: &random)]
                let heading = Bool.random(using: &random) ? model.pages[target]!.headings.randomElement(using: &random) : nil
                model.pages[pick]!.links.append((target, heading))
                try write(pick); what = "link from \(pick) to \(target)"
            case 5:
                guard !model.pages[pick]!.links.isEmpty else { continue }
                model.pages[pick]!.links.removeLast()
                try write(pick); what = "link removed from \(pick)"
            case 6:
                let name = "n\(model.fresh())"
                model.pages[name] = Model.Page(title: "新規\(name)", headings: ["h\(model.fresh())"], paragraphs: [Self.sentences[1]], links: [(pick, nil)])
                try write(name); what = "new page \(name)"
            case 7, 8:
                // Deleted or renamed: the pages linking to it change first, in the same edit.
                guard names.count > 2, pick != "p1" else { continue }
                let renamed = Bool.random(using: &random) ? "r\(model.fresh())" : nil
                let page = model.pages.removeValue(forKey: pick)!
                try site.remove("content/guidance/\(pick).md")
                if let renamed {
                    model.pages[renamed] = Model.Page(title: page.title, headings: page.headings, paragraphs: page.paragraphs,
                                                      links: page.links.filter { $0.page != pick })
                    try write(renamed)
                }
                for other in model.pages.keys.sorted() where model.pages[other]!.links.contains(where: { $0.page == pick }) {
                    model.pages[other]!.links = model.pages[other]!.links.compactMap { l in
                        l.page != pick ? l : renamed.map { ($0, l.heading) }
                    }
                    try write(other)
                }
                what = renamed.map { "\(pick) renamed to \($0)" } ?? "\(pick) deleted"
            case 9:
                let n = model.fresh()
                if Bool.random(using: &random) {
                    try site.edit("templates/page.mustache", replacing: "class=\"content\"", with: "class=\"content\" data-e\(n)=\"1\"")
                    what = "page template"
                } else {
                    try site.edit("templates/footer.mustache", replacing: "</footer>", with: "<!-- \(n) --></footer>")
                    what = "footer partial"
                }
            case 10:
                try site.write("content/site.yml", "title: ポータル\(model.fresh())\nlanguage: ja\nguidance_groups: [甲, 乙]\n")
                what = "site.yml"
            case 11:
                // A term added or removed (pages link or unlink its first use), or a definition changed.
                let term = Self.terms.randomElement(using: &random)!
                if Bool.random(using: &random) {
                    glossaryTerms = glossaryTerms.contains(term) ? glossaryTerms.filter { $0 != term } : glossaryTerms + [term]
                }
                try site.write("content/glossary.yml", Self.glossary(glossaryTerms, definition: model.fresh()))
                what = "glossary: \(glossaryTerms)"
            case 12:
                // The incident sheet's text, or the heading of p1 it links to.
                if Bool.random(using: &random) {
                    sheet.paragraphs.append(Self.sentences.randomElement(using: &random)!)
                } else {
                    sheet.heading = Bool.random(using: &random) ? model.pages["p1"]!.headings.randomElement(using: &random) : nil
                }
                try writeSheet(); what = "incident sheet"
            case 13:
                // The contact group the sheet prints: the sheet changes, though incident.md did not.
                try site.write("content/contacts.yml", Self.contacts(model.fresh()))
                what = "contacts.yml"
            case 14:
                // A page's slug set or cleared (p1 often, as the sheet and the glossary link to it).
                let page = Bool.random(using: &random) ? "p1" : pick
                model.pages[page]!.slug = model.pages[page]!.slug == nil ? "s\(model.fresh())" : nil
                try write(page); what = "slug of \(page)"
            default:
                try site.write("content/services/services.csv", registry.replacingOccurrences(of: "（サンプル）001", with: "（改\(model.fresh())）001"))
                what = "a registry row"
            }
            let label = "step \(step) (\(what)), seed \(random.seed)"
            session.snapshot = FileSnapshot.scan([site.request.content.path])
            try await site.build(session: &session)
            try await site.build(output: "cached")
            try? FileManager.default.removeItem(at: site.url("full"))
            try await site.build(output: "full", useCache: false)
            let full = site.tree("full")
            checked += 1
            #expect(site.tree("output") == full, "watch: \(label)")
            #expect(site.tree("cached") == full, "portal build with its cache: \(label)")
            if site.tree("output") != full || site.tree("cached") != full { break }
        }
        // Only an edit that could not apply (nothing to remove) is skipped.
        #expect(checked >= Self.edits * 3 / 4, "only \(checked) edits were checked")
    }
}
