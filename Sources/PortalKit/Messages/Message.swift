/// The language of what portal says: Japanese or English. The command line chooses it (locale,
/// `--lang`); the library keeps every message in both.
public enum MessageLanguage: String, Sendable, Hashable, Codable {
    case ja, en
}

/// A message of the catalogue: a stable id (`E0104`, printed with it so it can be looked up in the
/// reference) and the values that fill its placeholders. Its text in either language comes from
/// `MessageCatalogue`; diagnostics carry it so a run can be printed in the reader's language.
public struct Message: Sendable, Hashable, Codable {
    public struct Argument: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
        /// The value in Japanese, when it is a word of portal's own ("a contact", "text") rather
        /// than the editor's text or a name; nil: the same in both languages.
        public var ja: String?
    }

    public var id: String
    public var arguments: [Argument]

    public init(_ id: String, _ arguments: KeyValuePairs<String, String> = [:]) {
        self.id = id
        self.arguments = arguments.map { Argument(name: $0.key, value: $0.value) }
    }

    /// With one more argument, worded in both languages.
    func with(_ name: String, _ wording: Wording) -> Message {
        var copy = self
        copy.arguments.append(Argument(name: name, value: wording.en, ja: wording.ja))
        return copy
    }

    /// The text in `language`: `{name}` replaced by the argument's value; a `[[…]]` part is kept
    /// only if every placeholder in it has a non-empty value (an optional "did you mean").
    public func text(_ language: MessageLanguage) -> String {
        guard let entry = MessageCatalogue.entries[id] else { return id }
        return Self.fill(language == .ja ? entry.ja : entry.en, with: arguments, language: language)
    }

    static func fill(_ template: String, with arguments: [Argument], language: MessageLanguage = .en) -> String {
        var values: [String: String] = [:]
        for argument in arguments { values[argument.name] = language == .ja ? argument.ja ?? argument.value : argument.value }
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "[[") {
            out += replace(rest[..<open.lowerBound], values).text
            guard let close = rest[open.upperBound...].range(of: "]]") else { rest = rest[open.upperBound...]; break }
            let part = replace(rest[open.upperBound..<close.lowerBound], values)
            if part.complete { out += part.text }
            rest = rest[close.upperBound...]
        }
        return out + replace(rest, values).text
    }

    /// `complete`: every placeholder had a non-empty value.
    private static func replace(_ text: Substring, _ values: [String: String]) -> (text: String, complete: Bool) {
        var out = ""
        var complete = true
        var rest = text
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            let value = values[name] ?? ""
            if value.isEmpty { complete = false }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return (out + rest, complete)
    }

    /// The placeholder names of a template, in order of first use.
    static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// A word or phrase portal puts into a message (what a YAML value should have been, what an SVG
/// holds), in both languages, so that the Japanese text does not quote English.
struct Wording: Sendable, Hashable {
    var en: String
    var ja: String

    init(_ en: String, ja: String) {
        self.en = en
        self.ja = ja
    }
}
