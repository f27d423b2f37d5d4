import Foundation
import PortalMarkdown

/// The one folding rule for everything people type into: NFKC (full-width ASCII and half-width
/// katakana to their usual forms), then lower case, then Japanese spelling variants
/// (`KanaFolding`). `ＶＰＮ`, `ｖｐｎ` and `Vpn` all become `vpn`; `ランサムウエア` and
/// `ランサムウェア` the same word. The browser applies the same rule (search.js `fold`).
public enum SearchText {
    /// `fold` as UTF-8 bytes, for the indexer: the common case (ASCII, kanji, kana) is copied
    /// byte by byte with ASCII capitals lowered; anything else takes the full NFKC path.
    static func foldedUTF8(_ text: String) -> [UInt8] {
        KanaFolding.fold(widthAndCaseFolded(text))
    }

    /// NFKC and lower case. Runs of bytes the rule leaves alone (lower-case ASCII, kanji, kana)
    /// are copied whole; only what changes, or might, is looked at character by character.
    static func widthAndCaseFolded(_ text: String) -> [UInt8] {
        var utf8Text = text
        let folded = utf8Text.withUTF8 { utf8 -> [UInt8]? in
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            let n = utf8.count
            var i = 0
            var run = 0  // where the bytes not yet copied start
            @inline(__always) func copyRun(to end: Int) {
                if run < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<end])) }
            }
            while i < n {
                let b = utf8[i]
                if b < 0x80 {
                    if b >= 0x41 && b <= 0x5A {
                        copyRun(to: i)
                        out.append(b + 32)
                        run = i + 1
                    }
                    i += 1
                    continue
                }
                let length = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2)
                let end = min(i + length, n)
                var v = UInt32(b) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
                for j in (i + 1)..<end { v = v << 6 | UInt32(utf8[j] & 0x3F) }
                if Self.isUnchangedByFolding(v) {
                    i = end
                    continue
                }
                copyRun(to: i)
                if (0xFF01...0xFF5E).contains(v) {
                    // Full-width ASCII: NFKC gives the ASCII character.
                    let a = UInt8(v - 0xFEE0)
                    out.append(a >= 0x41 && a <= 0x5A ? a + 32 : a)
                } else if v == 0x3000 {
                    out.append(0x20)  // ideographic space
                } else if let scalar = Unicode.Scalar(v), !scalar.properties.changesWhenNFKCCaseFolded,
                          scalar.properties.canonicalCombiningClass == .notReordered, !(0x1100...0x11FF).contains(v),
                          !(0xFF61...0xFF9F).contains(v) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<end]))
                } else {
                    return nil
                }
                i = end
                run = end
            }
            copyRun(to: n)
            return out
        }
        return folded ?? Array(text.precomposedStringWithCompatibilityMapping.lowercased().utf8)
    }

    /// Kanji, kana and common punctuation, which NFKC and lower-casing leave alone.
    static func isUnchangedByFolding(_ v: UInt32) -> Bool {
        v.isIn(0x4E00, 0x9FFF) || v.isIn(0x3041, 0x3096) || v.isIn(0x30A1, 0x30FA)
            || v.isIn(0x30FC, 0x30FE) || v.isIn(0x3001, 0x3002) || v.isIn(0x300C, 0x300F)
    }

    /// How names are matched (synonyms, registry headings, service names): folded, with spaces
    /// and punctuation taken out, so `SECURITY ACTION`, `security-action` and `ｻｰﾋﾞｽ名 ` match.
    public static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(fold(text).unicodeScalars.filter { SearchTokenizer.kind($0) != .separator }))
    }

    public static func fold(_ text: String) -> String {
        String(decoding: foldedUTF8(text), as: UTF8.self)
    }
}
