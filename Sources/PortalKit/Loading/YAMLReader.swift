import Yams

/// Where a YAML text sits: its file, and how many lines precede it there (front matter starts
/// after its fence), so every error points at the file's own line.
struct YAMLSource: Sendable {
    var path: String
    var lineOffset: Int = 0
    var phase: BuildPhase = .load

    func diagnostic(_ mark: YAMLMark?, _ message: Message, severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(severity, phase, path: path, line: mark.map { $0.line + lineOffset } ?? lineOffset + 1, column: mark?.column, message)
    }

    /// Parses one YAML document; a syntax error becomes a diagnostic at its line.
    /// An empty text is an empty mapping; nil means a syntax error, already reported.
    /// Plain front matter (`key: value` lines, simple lists) is read by `SimpleYAML`; libyaml,
    /// through Yams, reads the rest, and every text with a mistake.
    func parse(_ text: String, log: inout DiagnosticLog) -> YAMLNode? {
        if let node = SimpleYAML.read(text) { return node }
        do {
            return try Self.compose(text)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                if let slip = YAMLSlip.find(in: text, errorLine: mark.line) {
                    log.add(Diagnostic(.error, phase, path: path, line: slip.line + lineOffset, column: slip.column, slip.message))
                } else {
                    log.add(diagnostic(YAMLMark(mark), .yamlSyntax(problem)))
                }
            case let .duplicatedKeysInMapping(duplicates, context):
                log.add(diagnostic(YAMLMark(context.mark), .yamlDuplicateKeys(duplicates)))
            default:
                log.add(diagnostic(nil, .yamlOther("\(error)")))
            }
        } catch {
            log.add(diagnostic(nil, .yamlOther("\(error)")))
        }
        return nil
    }
}

extension YAMLSource {
    /// libyaml's reading of a text, through Yams (what `SimpleYAML` is checked against, too).
    /// The basic resolver: values are read as text and typed by `YAMLMapping`, key by key, so
    /// Yams' implicit tag rules (a set of regular expressions run for every key it hashes) buy
    /// nothing. No constructor tables either: nodes are read here, never turned into Swift
    /// values by Yams, and `.default` built its three tables of closures again for every file.
    static func compose(_ text: String) throws -> YAMLNode {
        YAMLNode(try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8) ?? Node.mapping([:]))
    }
}

/// A YAML mapping read into typed values, every mistake reported at its line: unknown keys,
/// missing keys, wrong types. Hand-written rather than Codable because Codable loses line numbers.
struct YAMLMapping {
    let source: YAMLSource
    let node: YAMLNode
    private let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    /// The keys alone, in order: a lookup compares these, rather than copying (and retaining)
    /// each pair it passes, a few dozen lookups for every page's front matter.
    let keys: [String]

    init?(_ node: YAMLNode?, source: YAMLSource, what: Wording, log: inout DiagnosticLog) {
        guard let node else { return nil }  // a syntax error, reported by `parse`
        guard case .mapping(let mapping, _) = node else {
            log.add(source.diagnostic(node.mark, .notMapping(what)))
            return nil
        }
        self.source = source
        self.node = node
        pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
        keys = pairs.map(\.key)
    }

    /// A mapping that may be absent: nil without a diagnostic when the key is missing.
    static func optional(_ node: YAMLNode?, source: YAMLSource, what: Wording, log: inout DiagnosticLog) -> YAMLMapping? {
        guard let node else { return nil }
        return YAMLMapping(node, source: source, what: what, log: &log)
    }

    var mark: YAMLMark? { node.mark }

    func value(_ key: String) -> YAMLNode? {
        keys.firstIndex(of: key).map { pairs[$0].value }
    }

    /// Where a key's value starts: errors about the value point there.
    func valueMark(_ key: String) -> YAMLMark? {
        keys.firstIndex(of: key).flatMap { pairs[$0].value.mark } ?? mark
    }

    func markOf(_ key: String) -> YAMLMark? {
        keys.firstIndex(of: key).flatMap { pairs[$0].keyNode.mark } ?? mark
    }

    func rejectUnknownKeys(allowed: [String], log: inout DiagnosticLog) {
        for (i, key) in keys.enumerated() where !allowed.contains(key) {
            log.add(source.diagnostic(pairs[i].keyNode.mark, Self.indentedByFullWidthSpace(key)
                ?? .unknownKey(key, near: Suggestion.closest(to: key, in: allowed), known: allowed)))
        }
    }

    /// `　as_of:` (indented with a full-width space): YAML takes the space as part of the key,
    /// which the quotes of "unknown key" would hide; no key of portal's starts with one.
    private static func indentedByFullWidthSpace(_ key: String) -> Message? {
        key.hasPrefix("\u{3000}") ? .yamlFullWidthIndent : nil
    }

    /// Front matter written for another tool (author:, draft:, weight: …) still builds: each
    /// unknown key is a warning (an error under --strict), with the key it may be a slip for.
    func warnUnknownKeys(allowed: [String], log: inout DiagnosticLog) {
        for (i, key) in keys.enumerated() where !allowed.contains(key) {
            if let indented = Self.indentedByFullWidthSpace(key) {
                log.add(source.diagnostic(pairs[i].keyNode.mark, indented))
                continue
            }
            log.add(source.diagnostic(pairs[i].keyNode.mark, .unknownFrontMatterKey(key, near: Suggestion.closest(to: key, in: allowed)), severity: .warning))
        }
    }

    private func missing(_ key: String, log: inout DiagnosticLog) {
        log.add(source.diagnostic(mark, .missingKey(key)))
    }

    private func scalar(_ key: String, required: Bool, type: Wording, log: inout DiagnosticLog) -> (String, YAMLMark?)? {
        guard let node = value(key) else {
            if required { missing(key, log: &log) }
            return nil
        }
        guard case .scalar(let s) = node else {
            log.add(source.diagnostic(node.mark, .wrongType(key, type)))
            return nil
        }
        if s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string) {
            if required { log.add(source.diagnostic(node.mark, .emptyValue(key))) }
            return nil
        }
        return (s.string, node.mark)
    }

    func string(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> String? {
        guard let (text, mark) = scalar(key, required: required, type: .text, log: &log) else { return nil }
        if required, text.trimmed().isEmpty {
            log.add(source.diagnostic(mark, .emptyValue(key)))
            return nil
        }
        return text
    }

    func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil, log: inout DiagnosticLog) -> Int? {
        guard let (text, mark) = scalar(key, required: required, type: .wholeNumber, log: &log) else { return nil }
        guard let n = Int(text) else {
            log.add(source.diagnostic(mark, .notWholeNumber(key, text)))
            return nil
        }
        if let range, !range.contains(n) {
            log.add(source.diagnostic(mark, .outOfRange(key, range, n)))
            return nil
        }
        return n
    }

    func bool(_ key: String, log: inout DiagnosticLog) -> Bool? {
        guard let (text, mark) = scalar(key, required: false, type: .trueOrFalse, log: &log) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.add(source.diagnostic(mark, .notBool(key, text)))
            return nil
        }
    }

    func date(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> LocalDate? {
        guard let (text, mark) = scalar(key, required: required, type: .date, log: &log) else { return nil }
        // As a YAML date, or as an editor writes one by hand (2025/1/5, 2025年1月5日, 令和7年1月5日),
        // a full-width space typed after it (which YAML keeps, and no one can see) left off.
        let typed = text.trimmed()
        guard let date = LocalDate(parsing: typed, allowSlashes: true) ?? LocalDate(japanese: typed) else {
            log.add(source.diagnostic(mark, .notDate(key, text)))
            return nil
        }
        return date
    }

    func sequence(_ key: String, log: inout DiagnosticLog) -> [YAMLNode]? {
        guard let node = value(key) else { return nil }
        if case .scalar(let s) = node, s.string.isEmpty || s.string == "~" || s.string == "null" { return [] }
        guard case .sequence(let seq, _) = node else {
            log.add(source.diagnostic(node.mark, .notList(key)))
            return nil
        }
        return Array(seq)
    }

    /// `namesOnly`: the entries are names that never hold 、 (groups, ids), so one that does
    /// was separated the Japanese way: `[はじめに、インシデント対応]` is one entry.
    func stringList(_ key: String, namesOnly: Bool = false, log: inout DiagnosticLog) -> [String] {
        guard let items = sequence(key, log: &log) else { return [] }
        var out: [String] = []
        for item in items {
            if case .scalar(let s) = item, !s.string.trimmed().isEmpty {
                if namesOnly, s.style == .plain, let comma = s.string.first(where: { $0 == "、" || $0 == "，" }) {
                    log.add(source.diagnostic(item.mark, .listJapaneseComma(key, String(comma)), severity: .warning))
                }
                out.append(s.string)
            } else {
                log.add(source.diagnostic(item.mark, .listEntryNotText(key)))
            }
        }
        return out
    }

    /// `what`: an entry in English ("a contact"); in Japanese, the entries of `key`.
    func mappings(_ key: String, what: String, log: inout DiagnosticLog) -> [YAMLMapping] {
        guard let items = sequence(key, log: &log) else { return [] }
        return items.compactMap { YAMLMapping($0, source: source, what: .entry(what, of: key), log: &log) }
    }
}
