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
            if s.properties.isWhitespace {
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
}
