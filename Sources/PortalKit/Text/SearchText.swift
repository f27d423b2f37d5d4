import Foundation

/// The one folding rule for everything people type into: NFKC (full-width ASCII and half-width
/// katakana to their usual forms), then lower case. `ＶＰＮ`, `ｖｐｎ` and `Vpn` all become `vpn`.
/// The browser applies the same rule (`normalize('NFKC').toLowerCase()`).
public enum SearchText {
    public static func fold(_ text: String) -> String {
        // Most text is already folded but for ASCII capitals: handle that without Foundation's
        // NFKC (the costliest step of indexing), and take the full path for anything else.
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if s.isASCII {
                out.append(("A"..."Z").contains(s) ? Unicode.Scalar(v + 32)! : s)
            } else if (0x4E00...0x9FFF).contains(v) || (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v)
                        || (0x30FC...0x30FE).contains(v) || (0x3001...0x3002).contains(v) || (0x300C...0x300F).contains(v) {
                out.append(s)  // kanji, kana and common punctuation: NFKC leaves them as they are
            } else if s.properties.changesWhenNFKCCaseFolded || s.properties.canonicalCombiningClass != .notReordered
                        || (0x1100...0x11FF).contains(s.value) {
                return text.precomposedStringWithCompatibilityMapping.lowercased()
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
