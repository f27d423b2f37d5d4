extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Runs of white space become one space, for plain text meant for search.
    func collapsingSpaces() -> String {
        var out = String.UnicodeScalarView()
        var space = false
        var empty = true
        for s in unicodeScalars {
            if Self.isWhitespace(s.value) {
                space = !empty
            } else {
                if space { out.append(" ") }
                space = false
                empty = false
                out.append(s)
            }
        }
        return String(out)
    }

    /// Unicode's White_Space set, which is fixed: answering it here keeps the property tables
    /// out of the loop over every character of every page.
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
