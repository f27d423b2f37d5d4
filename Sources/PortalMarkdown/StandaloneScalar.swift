extension UInt32 {
    /// `(low...high).contains(self)` in one comparison: the indexer's hot loops asked
    /// `ClosedRange.contains`, which was not inlined, several times per character. Inlinable:
    /// otherwise each use from PortalKit was a call (1.3 % of a build's CPU in the tokenizer).
    @inlinable @inline(__always)
    package func isIn(_ low: UInt32, _ high: UInt32) -> Bool { self &- low <= high &- low }

    /// A scalar value that grapheme rules never join to its neighbours, so that in a run of them
    /// every Character is one scalar and counting or trimming needs no grapheme breaking: tab and
    /// line feed (only a carriage return, which is not here, joins a line feed), printable ASCII,
    /// CJK punctuation but for the tone marks U+302A–302F, kana but for the combining sound marks
    /// U+3099–309A (all of which join what comes before), kanji, full-width forms. Such a scalar
    /// can still be joined by a neighbour that is not in the set (a Prepend before it, a mark
    /// after it), so callers ask it of every scalar they step over.
    @inline(__always)
    package var standsAlone: Bool {
        if self < 0x80 { return isIn(0x20, 0x7E) || self == 0x09 || self == 0x0A }
        return isIn(0x3000, 0x3029) || isIn(0x3030, 0x3098) || isIn(0x309B, 0x30FF)
            || isIn(0x4E00, 0x9FFF) || isIn(0xFF01, 0xFF5E)
    }
}
