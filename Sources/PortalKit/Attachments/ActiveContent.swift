import Foundation

/// What makes an attachment run code when someone opens its link: HTML and script files, and
/// SVG with script, event handlers, embedded HTML or `javascript:` URLs. Raw HTML is off in
/// Markdown, so letting the same thing in as a file must be the site's decision
/// (`allow_active_attachments: true`), never an accident.
enum ActiveContent {
    /// Opened from a link, the browser runs these as pages or scripts of the portal's origin.
    static let scriptExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "svgz", "xml", "xsl", "xslt"]

    /// Where an SVG would run something: the first place of each kind, with its line and column.
    struct Finding: Equatable {
        var what: String
        var line: Int
        var column: Int
    }

    static func findings(inSVG data: Data) -> [Finding] {
        let text = String(decoding: data, as: UTF8.self)
        var out: [Finding] = []
        for (pattern, what) in patterns {
            guard let range = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { continue }
            let (line, column) = position(of: range.lowerBound, in: text)
            out.append(Finding(what: what, line: line, column: column))
        }
        return out.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    private static let patterns: [(String, String)] = [
        ("<\\s*(?:[a-z0-9_-]+:)?script\\b", "a <script> element"),
        ("<\\s*(?:[a-z0-9_-]+:)?foreignObject\\b", "a <foreignObject> element (embedded HTML)"),
        ("<\\s*(?:[a-z0-9_-]+:)?(?:iframe|embed|object)\\b", "an embedded frame or object"),
        ("[\\s\"'/]on[a-z]+\\s*=", "an event handler attribute (on…=)"),
        ("(?:href|src|values|to|from)\\s*=\\s*[\"']\\s*(?:javascript|data|vbscript)\\s*:", "a javascript: or data: URL"),
    ]

    private static func position(of index: String.Index, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for ch in text[..<index] {
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// A file name that cannot be linked or copied faithfully: control characters (a newline in
    /// a name splits log lines and URLs). Returned as a message, or nil.
    static func unusableNameReason(_ path: String) -> String? {
        guard let bad = path.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return "file name holds a control character (U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4))); rename the file"
    }

    /// Names that look like a URL scheme or hold `:` are linked safely (the colon is
    /// percent-encoded), but Windows and most USB sticks cannot hold them.
    static func colonNameReason(_ path: String) -> String? {
        guard let name = path.split(separator: "/").last, name.contains(":") else { return nil }
        return "file name '\(name)' holds ':'; Windows and most USB sticks cannot store it, rename the file"
    }
}
