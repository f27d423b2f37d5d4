/// Reads `content/search/synonyms.yml`:
///
/// ```yaml
/// groups:
///   - [脆弱性, ぜい弱性]
///   - [電話, 電話番号, TEL, 連絡先]
/// ```
///
/// Every mistake is reported at its line: a group with fewer than two words, a word that is
/// not text, too short to be useful (one character would match half the portal), or already in
/// another group (which group would it expand to?).
enum SynonymsLoader {
    static let path = "search/synonyms.yml"

    static func load(_ text: String, path: String, log: inout DiagnosticLog) -> SynonymTable {
        let source = YAMLSource(path: path)
        guard let map = YAMLMapping(source.parse(text, log: &log), source: source, what: "synonyms.yml", log: &log) else { return SynonymTable() }
        map.rejectUnknownKeys(allowed: ["groups"], log: &log)
        var groups: [[String]] = []
        var seen: [String: (word: String, line: Int)] = [:]
        for item in map.sequence("groups", log: &log) ?? [] {
            guard case .sequence(let words) = item else {
                log.add(source.diagnostic(item.mark, "each group must be a list of words, e.g. [脆弱性, ぜい弱性]"))
                continue
            }
            var group: [String] = []
            var keys: Set<String> = []
            for node in words {
                guard case .scalar(let s) = node, !s.string.trimmed().isEmpty else {
                    log.add(source.diagnostic(node.mark, "each word of a group must be a piece of text"))
                    continue
                }
                let word = s.string.trimmed()
                let key = SearchText.key(word)
                let line = (node.mark?.line ?? 0) + source.lineOffset
                if key.unicodeScalars.count < 2 {
                    log.add(source.diagnostic(node.mark, "'\(word)' is too short: a one-character word would match too many pages"))
                    continue
                }
                if !keys.insert(key).inserted {
                    log.add(source.diagnostic(node.mark, "'\(word)' appears twice in this group (spellings that differ only in width, case or small kana are already found alike)", severity: .warning))
                    continue
                }
                if let earlier = seen[key] {
                    log.add(source.diagnostic(node.mark, "'\(word)' is already in the group on line \(earlier.line) (as '\(earlier.word)'); a word may belong to one group only"))
                    continue
                }
                seen[key] = (word, line)
                group.append(word)
            }
            if group.count < 2 {
                if words.count < 2 { log.add(source.diagnostic(item.mark, "a group needs at least two words")) }
                continue
            }
            groups.append(group)
        }
        return SynonymTable(groups: groups)
    }
}
