import PortalMarkdown

/// Spelling variants of Japanese that mean the same word, folded alike at index and at query
/// time: small kana as large (ランサムウエア = ランサムウェア), ヴ with a small vowel as the
/// usual kana (ヴァ = バ, ヴ = ブ), and a katakana word of four or more characters ending in ー
/// without it (サーバー = サーバ, エミュレーター = エミュレータ; the rule of Kuromoji's
/// katakana stemmer). `table` is the one list of replacements: the build writes it into
/// `search/words.js`, which the page's search and registry filter apply.
public enum KanaFolding {
    /// Replacements, longest first; each output is already folded (folding twice changes nothing).
    public static let table: [(from: String, to: String)] = [
        ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴュ", "ビユ"), ("ヴ", "ブ"), ("ゔ", "ぶ"),
        ("ァ", "ア"), ("ィ", "イ"), ("ゥ", "ウ"), ("ェ", "エ"), ("ォ", "オ"), ("ッ", "ツ"), ("ャ", "ヤ"), ("ュ", "ユ"),
        ("ョ", "ヨ"), ("ヮ", "ワ"), ("ヵ", "カ"), ("ヶ", "ケ"),
        ("ぁ", "あ"), ("ぃ", "い"), ("ぅ", "う"), ("ぇ", "え"), ("ぉ", "お"), ("っ", "つ"), ("ゃ", "や"), ("ゅ", "ゆ"),
        ("ょ", "よ"), ("ゎ", "わ"), ("ゕ", "か"), ("ゖ", "け"),
    ]

    /// A katakana word at least this long loses a final ー.
    public static let minimumStemLength = 4

    /// What each character of U+3040–U+30FF becomes alone (itself unless `table` says).
    private static let single: [UInt32] = {
        var map = (0x3040..<0x3100).map { UInt32($0) }
        for (from, to) in table where from.unicodeScalars.count == 1 && to.unicodeScalars.count == 1 {
            map[Int(from.unicodeScalars.first!.value) - 0x3040] = to.unicodeScalars.first!.value
        }
        return map
    }()

    /// What ヴ and the small vowel after it become, by that vowel (U+30A0–U+30FF); 0 for none.
    private static let afterVu: [(UInt32, UInt32)] = {
        var map = [(UInt32, UInt32)](repeating: (0, 0), count: 0x60)
        for (from, to) in table where from.unicodeScalars.count == 2 {
            let out = to.unicodeScalars.map(\.value)
            map[Int(from.unicodeScalars.dropFirst().first!.value) - 0x30A0] = (out[0], out.count > 1 ? out[1] : 0)
        }
        return map
    }()

    static func isKatakana(_ v: UInt32) -> Bool { v.isIn(0x30A1, 0x30FA) || v.isIn(0x30FC, 0x30FE) }

    /// Whether `bytes` (UTF-8) hold anything this folding changes: kana at all (U+3041–U+30FF).
    static func mayChange(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xE3, bytes[i + 1] == 0x81 || bytes[i + 1] == 0x82 || bytes[i + 1] == 0x83 { return true }
            i += 1
        }
        return false
    }

    /// Folds UTF-8 text (already NFKC and lower-cased). Walks the bytes once; only three-byte
    /// characters led by 0xE3 (kana among them) are looked at, the bytes between are copied whole.
    static func fold(_ bytes: [UInt8]) -> [UInt8] {
        guard mayChange(bytes) else { return bytes }
        let single = Self.single, afterVu = Self.afterVu
        return bytes.withUnsafeBufferPointer { b -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var run = 0            // katakana characters in the run written so far
            var pendingBar = false // the run's last character written was ー
            @inline(__always) func endRun() {
                if pendingBar, run >= minimumStemLength { out.removeLast(3) }
                run = 0
                pendingBar = false
            }
            @inline(__always) func put(_ v: UInt32) {
                if isKatakana(v) {
                    run += 1
                    pendingBar = v == 0x30FC
                } else {
                    endRun()
                }
                out.append(0xE0 | UInt8(v >> 12))
                out.append(0x80 | UInt8((v >> 6) & 0x3F))
                out.append(0x80 | UInt8(v & 0x3F))
            }
            @inline(__always) func scalar(at i: Int) -> UInt32 {
                UInt32(b[i] & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            }
            var i = 0
            let n = b.count
            while i < n {
                guard b[i] == 0xE3, i + 2 < n else {
                    // Up to the next 0xE3, which only ever leads a character in UTF-8.
                    endRun()
                    var j = i + 1
                    while j < n, b[j] != 0xE3 { j += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                    i = j
                    continue
                }
                let v = scalar(at: i)
                i += 3
                if v == 0x30F4, i + 2 < n, b[i] == 0xE3 {  // ヴ and a small vowel after it
                    let next = scalar(at: i)
                    if (0x30A0..<0x3100).contains(next), case let (first, second) = afterVu[Int(next) - 0x30A0], first != 0 {
                        put(first)
                        if second != 0 { put(second) }
                        i += 3
                        continue
                    }
                }
                put((0x3040..<0x3100).contains(v) ? single[Int(v) - 0x3040] : v)
            }
            endRun()
            return out
        }
    }

    public static func fold(_ text: String) -> String {
        String(decoding: fold(Array(text.utf8)), as: UTF8.self)
    }
}
