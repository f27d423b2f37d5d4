import CICU

/// Splits Japanese text into words with ICU's dictionary word breaks: the rule Chromium's
/// `Intl.Segmenter('ja', {granularity: 'word'})` applies in the page, so a query typed without
/// spaces (ルート化検出) splits into the same words (ルート / 化 / 検出) in Swift and in the
/// browser; Tests/Shared/search-vectors.json holds examples both must reproduce.
public enum WordSegmenter {
    /// The word-like segments of `text`, in order (spaces and punctuation left out).
    public static func segments(_ text: String) -> [String] {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        var status: Int32 = 0
        let iterator = units.withUnsafeBufferPointer { swift_ubrk_open(1, "ja", $0.baseAddress, Int32($0.count), &status) }
        guard let iterator, status <= 0 else { return [text] }
        defer { swift_ubrk_close(iterator) }
        var out: [String] = []
        var start = Int(swift_ubrk_first(iterator))
        while true {
            let end = Int(swift_ubrk_next(iterator))
            if end < 0 { break }
            if swift_ubrk_getRuleStatus(iterator) >= 100 {
                out.append(String(decoding: units[start..<end], as: UTF16.self))
            }
            start = end
        }
        return out
    }
}
