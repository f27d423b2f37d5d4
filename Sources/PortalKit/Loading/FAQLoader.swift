import PortalMarkdown

/// Reads `faq.yml`. Answers stay Markdown here; they are rendered like pages.
enum FAQLoader {
    static let entryKeys = ["id", "category", "question", "answer"]

    static func load(_ text: String, path: String, log: inout DiagnosticLog) -> [FAQEntry] {
        let source = YAMLSource(path: path)
        guard let map = YAMLMapping(source.parse(text, log: &log), source: source, what: .file("faq.yml"), log: &log) else { return [] }
        map.rejectUnknownKeys(allowed: ["entries"], log: &log)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var entries: [FAQEntry] = []
        var firstLine: [String: Int] = [:]
        for e in map.mappings("entries", what: "a question", log: &log) {
            e.rejectUnknownKeys(allowed: entryKeys, log: &log)
            let question = e.string("question", required: true, log: &log)
            let answer = e.string("answer", required: true, log: &log)
            let category = e.string("category", log: &log) ?? "よくある質問"
            var id = e.string("id", log: &log)
            if let explicit = id, !HeadingID.isValidExplicit(explicit) {
                log.add(source.diagnostic(e.valueMark("id"), .badFAQID(explicit)))
                id = nil
            }
            guard let question, let answer else { continue }
            let anchor = id ?? "q-" + HeadingID.slug(question)
            let line = e.valueMark("id")?.line ?? e.mark?.line ?? 0
            if let first = firstLine[anchor] {
                log.add(source.diagnostic(e.valueMark("id") ?? e.mark, .duplicateFAQID(anchor, line: first)))
                continue
            }
            firstLine[anchor] = line
            entries.append(FAQEntry(id: anchor, category: category, question: question, answer: answer,
                                    answerLineOffset: answerOffset(e.value("answer")),
                                    answerColumnOffset: answerIndent(e.value("answer"), lines: lines), line: e.mark?.line ?? 0))
        }
        return entries
    }

    /// How far a block scalar's lines are indented (its first non-blank line); a plain scalar
    /// starts at its own column.
    static func answerIndent(_ node: YAMLNode?, lines: [Substring]) -> Int {
        guard let node, let mark = node.mark else { return 0 }
        guard case .scalar(let s) = node, s.style == .literal || s.style == .folded else { return mark.column - 1 }
        for line in lines.dropFirst(mark.line) where !line.allSatisfy(\.isWhitespace) {
            return line.prefix { $0 == " " }.count
        }
        return 0
    }

    /// A block scalar (`answer: |`) starts on the line after its indicator; a plain one on its own line.
    static func answerOffset(_ node: YAMLNode?) -> Int {
        guard let node, let mark = node.mark else { return 0 }
        if case .scalar(let s) = node, s.style == .literal || s.style == .folded { return mark.line }
        return mark.line - 1
    }
}
