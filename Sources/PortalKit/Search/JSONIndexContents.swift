import Foundation
import PortalMarkdown

/// What `search-index.json` (the index for other tools) holds. The page's own search never reads
/// it, so by default it is small enough for a file share: every document's metadata and a
/// summary. `full` adds each document's whole text and every term's postings, for tools that
/// search it themselves (`portal build --json-index full`).
public enum JSONIndexContents: String, Sendable, Hashable, Codable, CaseIterable {
    case summary, full

    /// Its schema version: 4 added `contents` and the summary.
    static let version = 4

    /// Characters of a document's text kept as its summary.
    static let summaryLength = 80

    /// The first `summaryLength` characters, trimmed of `CharacterSet.whitespaces`, with "…" when
    /// the text goes on. Walks only those characters and asks the set only at the ends: the
    /// text's `count` and `trimmingCharacters(in:)` were a few per cent of a 10,000-page build.
    static func summary(of text: String) -> String {
        let scalars: Substring.UnicodeScalarView
        switch plainPrefix(of: text, characters: summaryLength) {
        case .whole:
            return text
        case .end(let offset):
            scalars = text.unicodeScalars[..<text.utf8.index(text.utf8.startIndex, offsetBy: offset)]
        case .unknown:
            guard let end = text.index(text.startIndex, offsetBy: summaryLength, limitedBy: text.endIndex),
                  end != text.endIndex else { return text }
            scalars = text[..<end].unicodeScalars
        }
        let spaces = CharacterSet.whitespaces
        guard let first = scalars.firstIndex(where: { !spaces.contains($0) }),
              let last = scalars.lastIndex(where: { !spaces.contains($0) }) else { return "…" }
        return String(scalars[first...last]) + "…"
    }

    enum PlainPrefix: Equatable {
        /// The text has at most that many characters.
        case whole
        /// They end at this UTF-8 offset.
        case end(Int)
        /// A scalar on the way is one grapheme rules may join: count Characters instead.
        case unknown
    }

    /// Where the first `n` characters end, counted as scalars while every scalar up to there and
    /// the one after is one that grapheme rules never join to its neighbours
    /// (`UInt32.standsAlone`): there a character is a scalar. Stepping Characters through
    /// Japanese text asked the grapheme rules at every step, most of the summary's cost.
    static func plainPrefix(of text: String, characters n: Int) -> PlainPrefix {
        text.utf8.withContiguousStorageIfAvailable { utf8 -> PlainPrefix in
            var i = 0
            var count = 0
            while i < utf8.count {
                guard let length = standalone(utf8, at: i) else { return .unknown }
                if count == n { return .end(i) }
                i += length
                count += 1
            }
            return .whole
        } ?? .unknown
    }

    /// The UTF-8 length of the scalar at `i` when it always stands alone as a character.
    private static func standalone(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b = utf8[i]
        if b < 0x80 { return UInt32(b).standsAlone ? 1 : nil }
        // Every scalar the set holds above ASCII takes three bytes.
        guard b & 0xF0 == 0xE0, i + 2 < utf8.count else { return nil }
        let v = UInt32(b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
        return v.standsAlone ? 3 : nil
    }
}
