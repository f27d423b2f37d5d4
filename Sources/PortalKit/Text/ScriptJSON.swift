import Foundation

/// JSON for files other tools read (sorted keys: deterministic) and for classic scripts the page
/// loads (`window.PortalData.x = …;`), where `<`, `>`, `&`, U+2028 and U+2029 are escaped so no
/// content can close the script or break the parser.
public enum ScriptJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain Codable values cannot fail; an empty object keeps the page working if it ever did.
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Escapes what matters inside `<script>`: the JSON stays valid and means the same.
    public static func forScript(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count + 64)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A classic script that hands `json` to the page: works from file://, where fetch() does not.
    public static func dataScript(name: String, json: String) -> String {
        "window.PortalData = window.PortalData || {};\nwindow.PortalData[\"\(name)\"] = \(forScript(json));\n"
    }
}
