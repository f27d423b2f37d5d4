import Mustache

/// HTML escaping for `{{ }}` in every template: the same five characters and entities as
/// swift-mustache's own (`&`, `<`, `>`, `"`, `'`), decided on UTF-8 bytes. The library's version
/// looks each Character up in a dictionary, which was a tenth of a 10,000-page build.
/// Installed through the library's content-type hook: a `CONTENT_TYPE` pragma on a line of its
/// own ahead of each template's text (a standalone tag, so it writes nothing).
struct TemplateEscaping: MustacheContentType {
    static let name = "PORTAL_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type once per process, before the first template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(TemplateEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            guard let first = utf8.firstIndex(where: Self.needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 32)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<first]))
            for b in utf8[first...] {
                switch b {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    @inline(__always)
    private static func needsEscape(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }
}
