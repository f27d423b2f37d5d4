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
        var wording: Wording
        var line: Int
        var column: Int
        /// In English.
        var what: String { wording.en }
    }

    static func findings(inSVG data: Data) -> [Finding] {
        let text = String(decoding: data, as: UTF8.self)
        var out: [Finding] = []
        for (pattern, what) in patterns {
            guard let range = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { continue }
            let (line, column) = position(of: range.lowerBound, in: text)
            out.append(Finding(wording: what, line: line, column: column))
        }
        return out.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    private static let patterns: [(String, Wording)] = [
        ("<\\s*(?:[a-z0-9_-]+:)?script\\b", Wording("a <script> element", ja: "<script> 要素")),
        ("<\\s*(?:[a-z0-9_-]+:)?foreignObject\\b", Wording("a <foreignObject> element (embedded HTML)", ja: "<foreignObject> 要素（埋め込みの HTML）")),
        ("<\\s*(?:[a-z0-9_-]+:)?(?:iframe|embed|object)\\b", Wording("an embedded frame or object", ja: "埋め込みのフレームかオブジェクト")),
        ("[\\s\"'/]on[a-z]+\\s*=", Wording("an event handler attribute (on…=)", ja: "イベント処理の属性（on…=）")),
        ("(?:href|src|values|to|from)\\s*=\\s*[\"']\\s*(?:javascript|data|vbscript)\\s*:", Wording("a javascript: or data: URL", ja: "javascript: か data: の URL")),
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
    static func unusableNameReason(_ path: String) -> Message? {
        guard let bad = path.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return .controlCharacterInName(String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4))
    }

    /// Names that look like a URL scheme or hold `:` are linked safely (the colon is
    /// percent-encoded), but Windows and most USB sticks cannot hold them.
    static func colonNameReason(_ path: String) -> Message? {
        guard let name = path.split(separator: "/").last, name.contains(":") else { return nil }
        return .colonInName(String(name))
    }
}
