/// The headings of a Japanese glossary: the ten rows of the 50音 (あ か さ た な は ま や ら わ),
/// then A–Z for terms that start with a Latin letter, then その他.
enum KanaIndex: Int, CaseIterable, Sendable, Comparable {
    case a, ka, sa, ta, na, ha, ma, ya, ra, wa, latin, other

    var label: String {
        switch self {
        case .a: "あ"
        case .ka: "か"
        case .sa: "さ"
        case .ta: "た"
        case .na: "な"
        case .ha: "は"
        case .ma: "ま"
        case .ya: "や"
        case .ra: "ら"
        case .wa: "わ"
        case .latin: "A–Z"
        case .other: "その他"
        }
    }

    /// The id of the row's heading on the page.
    var anchor: String { "index-\(rawValue + 1)" }

    /// Hiragana of each row, voiced and small kana included (が is in か, ぱ in は, ゃ in や).
    private static let rows: [String] = [
        "ぁあぃいぅうぇえぉおゔ", "かがきぎくぐけげこごゕゖ", "さざしじすずせぜそぞ", "ただちぢっつづてでとど", "なにぬねの",
        "はばぱひびぴふぶぷへべぺほぼぽ", "まみむめも", "ゃやゅゆょよ", "らりるれろ", "ゎわゐゑをん",
    ]

    /// The row of a term: by its reading's first kana, or A–Z when the term starts with a Latin
    /// letter or digit.
    init(term: String, reading: String) {
        let first = SearchText.fold(term).unicodeScalars.first
        if let first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) {
            self = .latin
            return
        }
        guard let kana = reading.unicodeScalars.first.map(Self.hiragana) else {
            self = .other
            return
        }
        self = Self.rows.firstIndex { $0.unicodeScalars.contains(kana) }.flatMap { KanaIndex(rawValue: $0) } ?? .other
    }

    /// Katakana as hiragana (ア→あ); other scalars as they are.
    static func hiragana(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (0x30A1...0x30F6).contains(s.value) ? Unicode.Scalar(s.value - 0x60)! : s
    }

    /// Whether a reading is kana (with ー and ・ and spaces) only.
    static func isKana(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { (0x3041...0x3096).contains($0.value) || (0x30A1...0x30FA).contains($0.value)
            || $0 == "ー" || $0 == "・" || $0 == " " || $0 == "　" }
    }

    /// The key terms are sorted by within a row: the reading in hiragana, or the term for A–Z.
    static func sortKey(term: String, reading: String) -> String {
        reading.isEmpty ? SearchText.fold(term) : String(String.UnicodeScalarView(reading.unicodeScalars.map(hiragana)))
    }

    static func < (a: KanaIndex, b: KanaIndex) -> Bool { a.rawValue < b.rawValue }
}
