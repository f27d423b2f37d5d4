extension String {
    /// Without leading and trailing white space. (PortalMarkdown keeps its own: it is the one
    /// module that must not depend on PortalKit.)
    func trimmed() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
