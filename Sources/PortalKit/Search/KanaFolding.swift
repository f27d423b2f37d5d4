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

    private static let single: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [:]
        for (from, to) in table where from.unicodeScalars.count == 1 && to.unicodeScalars.count == 1 {
            map[from.unicodeScalars.first!.value] = to.unicodeScalars.first!.value
        }
        return map
    }()

    private static let afterVu: [UInt32: [UInt32]] = {
        var map: [UInt32: [UInt32]] = [:]
        for (from, to) in table where from.unicodeScalars.count == 2 {
            map[from.unicodeScalars.dropFirst().first!.value] = to.unicodeScalars.map(\.value)
        }
        return map
    }()

    static func isKatakana(_ v: UInt32) -> Bool { (0x30A1...0x30FA).contains(v) || (0x30FC...0x30FE).contains(v) }

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
    /// kana are looked at.
    static func fold(_ bytes: [UInt8]) -> [UInt8] {
        guard mayChange(bytes) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var run = 0            // katakana characters in the run written so far
        var pendingBar = false // the run's last character written was ー
        func endRun() {
            if pendingBar, run >= minimumStemLength { out.removeLast(3) }
            run = 0
            pendingBar = false
        }
        func put(_ v: UInt32) {
            out.append(0xE0 | UInt8(v >> 12))
            out.append(0x80 | UInt8((v >> 6) & 0x3F))
            out.append(0x80 | UInt8(v & 0x3F))
        }
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            guard length == 3, i + 2 < n, b == 0xE3 else {
                endRun()
                out.append(contentsOf: bytes[i..<min(i + length, n)])
                i += length
                continue
            }
            var v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            i += 3
            var replacement: [UInt32]? = nil
            if v == 0x30F4, i + 2 < n, bytes[i] == 0xE3 {  // ヴ and a small vowel after it
                let next = UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                if let r = afterVu[next] { replacement = r; i += 3 }
            }
            if replacement == nil, let r = single[v] { v = r }
            for value in replacement ?? [v] {
                if isKatakana(value) {
                    run += 1
                    pendingBar = value == 0x30FC
                } else {
                    endRun()
                }
                put(value)
            }
        }
        endRun()
        return out
    }

    public static func fold(_ text: String) -> String {
        String(decoding: fold(Array(text.utf8)), as: UTF8.self)
    }
}
