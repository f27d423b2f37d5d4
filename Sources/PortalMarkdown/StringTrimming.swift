extension String {
    /// Without leading and trailing white space (a Character is white space when its first
    /// scalar is). Most text starts and ends with a letter or a kana: that is seen from the two
    /// end scalars, without asking the grapheme rules for the first and last Characters.
    package func trimmingSpaces() -> String {
        if let first = unicodeScalars.first, let last = unicodeScalars.last, Self.plainEnd(first), Self.plainEnd(last) { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Not white space, and one that no white space scalar before it joins into a Character.
    private static func plainEnd(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v.standsAlone && v != 0x20 && v != 0x09 && v != 0x0A && v != 0x3000
    }

    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Runs of white space become one space, and the ends lose theirs, for plain text meant for
    /// search. Works on the UTF-8 bytes and copies the runs between spaces whole: scalar by
    /// scalar, this was a few per cent of a 10,000-page build.
    func collapsingSpaces() -> String {
        var text = self
        return text.withUTF8(Self.collapsingSpaces)
    }

    /// `collapsingSpaces()` of UTF-8 bytes (a page's text as it was gathered).
    static func collapsingSpaces(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        var run = 0  // where the bytes not yet copied start
        var pendingSpace = false
        while i < utf8.count {
            let width = Self.whitespaceWidth(utf8, at: i)
            if width == 0 {
                // Past the whole character: its continuation bytes are never white space,
                // and Japanese text is mostly three-byte characters.
                let lead = utf8[i]
                i += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                continue
            }
            if run < i {
                if pendingSpace { out.append(0x20) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                pendingSpace = false
            }
            pendingSpace = pendingSpace || !out.isEmpty
            i += width
            run = i
        }
        if run < utf8.count {
            if pendingSpace { out.append(0x20) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The length in bytes of the White_Space character starting at `i`, or 0: Unicode's
    /// White_Space set, which is fixed (U+0009–000D, 0020, 0085, 00A0, 1680, 2000–200A, 2028,
    /// 2029, 202F, 205F, 3000). Continuation bytes (0x80–0xBF) match none of the lead bytes
    /// tested, so any offset may be asked.
    @inline(__always)
    static func whitespaceWidth(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = utf8[i]
        if b < 0x80 { return b == 0x20 || (0x09...0x0D).contains(b) ? 1 : 0 }
        guard b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 else { return 0 }
        let n = utf8.count
        if b == 0xC2 { return i + 1 < n && (utf8[i + 1] == 0x85 || utf8[i + 1] == 0xA0) ? 2 : 0 }
        guard i + 2 < n else { return 0 }
        let (c, d) = (utf8[i + 1], utf8[i + 2])
        switch b {
        case 0xE1: return c == 0x9A && d == 0x80 ? 3 : 0                                   // U+1680
        case 0xE2:
            if c == 0x80 { return (0x80...0x8A).contains(d) || d == 0xA8 || d == 0xA9 || d == 0xAF ? 3 : 0 }
            return c == 0x81 && d == 0x9F ? 3 : 0                                            // U+205F
        default: return c == 0x80 && d == 0x80 ? 3 : 0                                      // U+3000
        }
    }
}
