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
        guard let map = YAMLMapping(source.parse(text, log: &log), source: source, what: .file("synonyms.yml"), log: &log) else { return SynonymTable() }
        map.rejectUnknownKeys(allowed: ["groups"], log: &log)
        var groups: [[String]] = []
        var seen: [String: (word: String, line: Int)] = [:]
        for item in map.sequence("groups", log: &log) ?? [] {
            guard case .sequence(let words, _) = item else {
                log.add(source.diagnostic(item.mark, .synonymGroupNotList))
                continue
            }
            var group: [String] = []
            var keys: Set<String> = []
            for node in words {
                guard case .scalar(let s) = node, !s.string.trimmed().isEmpty else {
                    log.add(source.diagnostic(node.mark, .synonymNotText))
                    continue
                }
                let word = s.string.trimmed()
                let key = SearchText.key(word)
                let line = (node.mark?.line ?? 0) + source.lineOffset
                if key.unicodeScalars.count < 2 {
                    log.add(source.diagnostic(node.mark, .synonymTooShort(word)))
                    continue
                }
                if !keys.insert(key).inserted {
                    log.add(source.diagnostic(node.mark, .synonymTwiceInGroup(word), severity: .warning))
                    continue
                }
                if let earlier = seen[key] {
                    log.add(source.diagnostic(node.mark, .synonymInOtherGroup(word, line: earlier.line, as: earlier.word)))
                    continue
                }
                seen[key] = (word, line)
                group.append(word)
            }
            if group.count < 2 {
                if words.count < 2 { log.add(source.diagnostic(item.mark, .synonymGroupTooSmall)) }
                continue
            }
            groups.append(group)
        }
        return SynonymTable(groups: groups)
    }
}
