/// The tags of a Mustache template as the partial memo (`PartialMemo`) reads them: what each
/// tag is, its name, where it sits and how deep in sections. Only templates swift-mustache has
/// already parsed are scanned, so a tag here is always well formed.
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        /// `{{name}}`, `{{{name}}}`, `{{&name}}`
        case variable
        /// `{{#name}}`, `{{^name}}`, `{{$name}}`, `{{<name}}`, and the `{{/name}}` that closes them
        case section, inverted, block, parent, close
        /// `{{>name}}`
        case partial
        /// `{{!…}}`, `{{%…}}`
        case other
    }

    var kind: Kind
    /// Trimmed; for a partial, without a leading `*` (a dynamic name, see `dynamic`).
    var name: String
    var dynamic = false
    /// The whole tag, braces included, in UTF-8 offsets of the template's text.
    var range: Range<Int>
    /// What stands before the tag on its line: empty (the tag starts the line), white space only
    /// (swift-mustache then indents a standalone partial's lines by it) or other text.
    var before: Before
    /// The sections (`#`, `^`, `$`, `<`) open around it in its own template.
    var depth: Int

    enum Before: Equatable { case nothing, whiteSpace, text }

    /// Every tag of `text`, or nil when the template sets other delimiters (`{{=…=}}`): its tags
    /// cannot be read with these.
    static func scan(_ text: String) -> [TemplateTag]? {
        let bytes = Array(text.utf8)
        var tags: [TemplateTag] = []
        var depth = 0
        var lineStart = 0
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { lineStart = i + 1; i += 1; continue }
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{") else { i += 1; continue }
            let start = i
            let triple = i + 2 < bytes.count && bytes[i + 2] == UInt8(ascii: "{")
            let closing: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
            var j = start + (triple ? 3 : 2)
            let bodyStart = j
            while j + closing.count <= bytes.count, !bytes[j..<(j + closing.count)].elementsEqual(closing) { j += 1 }
            guard j + closing.count <= bytes.count else { break }
            let end = j + closing.count
            var body = Substring(String(decoding: bytes[bodyStart..<j], as: UTF8.self))
            var kind = Kind.variable
            if !triple, let sigil = body.first {
                switch sigil {
                case "#": kind = .section
                case "^": kind = .inverted
                case "$": kind = .block
                case "<": kind = .parent
                case "/": kind = .close
                case ">": kind = .partial
                case "&": kind = .variable
                case "!", "%": kind = .other
                case "=": return nil
                default: break
                }
                if kind != .variable || sigil == "&" { body = body.dropFirst() }
            }
            var name = String(body).trimmed()
            var dynamic = false
            if kind == .partial, name.first == "*" {
                dynamic = true
                name = String(name.dropFirst()).trimmed()
            }
            let prefix = bytes[lineStart..<start]
            let before: Before = prefix.isEmpty ? .nothing : prefix.allSatisfy { $0 == 0x20 || $0 == 0x09 } ? .whiteSpace : .text
            if kind == .close { depth -= 1 }
            tags.append(TemplateTag(kind: kind, name: name, dynamic: dynamic, range: start..<end, before: before, depth: depth))
            switch kind {
            case .section, .inverted, .block, .parent: depth += 1
            default: break
            }
            // A newline inside a comment still starts a line.
            if let newline = bytes[start..<end].lastIndex(of: UInt8(ascii: "\n")) { lineStart = newline + 1 }
            i = end
        }
        return tags
    }
}
