import PortalMarkdown

/// Reads `glossary.yml`: each term with its reading checked, no word claimed by two entries,
/// every see-also naming an entry; sorted into the index's order.
enum GlossaryLoader {
    static let keys = ["term", "reading", "definition", "aliases", "see_also"]

    static func load(_ text: String, path: String, log: inout DiagnosticLog) -> Glossary {
        let source = YAMLSource(path: path)
        guard let map = YAMLMapping(source.parse(text, log: &log), source: source, what: .file("glossary.yml"), log: &log) else {
            return Glossary(displayPath: path, terms: [])
        }
        map.rejectUnknownKeys(allowed: ["terms"], log: &log)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var terms: [Glossary.Term] = []
        var seeAlsoMarks: [[YAMLMark?]] = []
        // Every word (term or alias) by its folded key, with the line of the entry that has it.
        var owner: [String: (term: String, line: Int)] = [:]
        var anchors: Set<String> = []
        // Every term written, kept or not, so that see_also does not report a term whose entry had a mistake.
        var declared: Set<String> = []
        for e in map.mappings("terms", what: "a term", log: &log) {
            e.rejectUnknownKeys(allowed: keys, log: &log)
            let before = log.entries.count
            guard let term = e.string("term", required: true, log: &log) else { continue }
            declared.insert(term)
            let definition = e.string("definition", required: true, log: &log)
            let reading = e.string("reading", log: &log) ?? ""
            let line = e.mark?.line ?? 0
            let index = KanaIndex(term: term, reading: reading)
            if reading.isEmpty, index != .latin {
                log.add(source.diagnostic(e.valueMark("term"), .noReading(term)))
            } else if !reading.isEmpty, !KanaIndex.isKana(reading) {
                log.add(source.diagnostic(e.valueMark("reading"), .readingNotKana(reading)))
            }
            let aliases = e.stringList("aliases", log: &log)
            for (word, key) in [(term, "term")] + aliases.map({ ($0, "aliases") }) {
                let folded = SearchText.key(word)
                if let first = owner[folded], first.term != term || first.line != line {
                    log.add(source.diagnostic(e.valueMark(key), .wordOfOtherTerm(word, term: first.term, line: first.line)))
                } else if owner[folded] == nil {
                    owner[folded] = (term, line)
                }
            }
            var anchor = "term-" + HeadingID.slug(term)
            while !anchors.insert(anchor).inserted { anchor += "-2" }
            guard let definition, !log.hasErrors(since: before) else { continue }
            let definitionNode = e.value("definition")
            terms.append(Glossary.Term(term: term, reading: reading, definition: definition,
                                       definitionLine: FAQLoader.answerOffset(definitionNode),
                                       definitionColumn: FAQLoader.answerIndent(definitionNode, lines: lines),
                                       aliases: aliases, seeAlso: e.stringList("see_also", log: &log), anchor: anchor, line: line))
            seeAlsoMarks.append([e.valueMark("see_also")])
        }
        for (term, marks) in zip(terms, seeAlsoMarks) {
            for name in term.seeAlso where !declared.contains(name) {
                log.add(source.diagnostic(marks[0], .unknownSeeAlso(name)))
            }
        }
        terms.sort { a, b in
            let (x, y) = (KanaIndex(term: a.term, reading: a.reading), KanaIndex(term: b.term, reading: b.reading))
            if x != y { return x < y }
            let (p, q) = (KanaIndex.sortKey(term: a.term, reading: a.reading), KanaIndex.sortKey(term: b.term, reading: b.reading))
            return p != q ? p.precedesByCodePoint(q) : a.term.precedesByCodePoint(b.term)
        }
        return Glossary(displayPath: path, terms: terms)
    }
}
