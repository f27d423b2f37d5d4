import Foundation

/// The one folding rule for everything people type into: NFKC (full-width ASCII and half-width
/// katakana to their usual forms), then lower case. `ＶＰＮ`, `ｖｐｎ` and `Vpn` all become `vpn`.
/// The browser applies the same rule (`normalize('NFKC').toLowerCase()`).
public enum SearchText {
    public static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }
}
