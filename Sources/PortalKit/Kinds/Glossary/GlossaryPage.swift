/// glossary.html as the template sees it: the 50音 index, then each row's terms.
struct GlossaryPage: Sendable {
    static let title = "用語集"

    let glossary: Glossary
    let definitionsHTML: [String]
    let page: PageContext

    func templateContext() -> [String: Any] {
        let path = Glossary.outputPath
        var c = page.base(at: path, title: Self.title, description: "セキュリティ用語の読みと意味", breadcrumbs: [("ホーム", PageContext.homePath)])
        let byTerm = Dictionary(glossary.terms.map { ($0.term, $0.anchor) }) { a, _ in a }
        var rows: [KanaIndex: [[String: Any]]] = [:]
        for (term, html) in zip(glossary.terms, definitionsHTML) {
            let seeAlso: [[String: Any]] = term.seeAlso.compactMap { name in
                byTerm[name].map { ["term": name, "href": "#" + URLText.encodeFragment($0)] }
            }
            rows[KanaIndex(term: term.term, reading: term.reading), default: []].append([
                "term": term.term, "reading": term.reading, "anchor": term.anchor, "definitionHTML": html,
                "aliases": term.aliases.joined(separator: "、"), "hasAliases": !term.aliases.isEmpty,
                "seeAlso": seeAlso, "hasSeeAlso": !seeAlso.isEmpty,
            ])
        }
        c["index"] = KanaIndex.allCases.map { row -> [String: Any] in
            ["label": row.label, "href": "#" + row.anchor, "present": rows[row] != nil]
        }
        c["rows"] = KanaIndex.allCases.compactMap { row -> [String: Any]? in
            rows[row].map { ["label": row.label, "anchor": row.anchor, "terms": $0] }
        }
        c["termCount"] = glossary.terms.count
        return c
    }
}
