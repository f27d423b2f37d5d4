/// Percent-encoding for URLs the tool writes itself, and the schemes it lets content link to.
public enum URLText {
    /// `:` is always encoded: a relative URL whose first segment holds a colon is read as a
    /// scheme (`javascript:alert(1)` as a file name would otherwise become a script link).
    public static func encodePathSegment(_ segment: String) -> String {
        encode(segment) { isUnreserved($0) || "!$&'()*+,;=@".utf8.contains($0) }
    }

    /// Fragments keep non-ASCII as UTF-8 percent-encoded too: identical behaviour on file:// and HTTP.
    public static func encodeFragment(_ fragment: String) -> String {
        encode(fragment) { isUnreserved($0) || "!$&'()*+,;=:@/?".utf8.contains($0) }
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
    }

    private static func encode(_ s: String, keep: (UInt8) -> Bool) -> String {
        var out = ""
        for b in s.utf8 {
            if keep(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// The scheme of an absolute URL, lower-cased, or nil for a relative reference.
    public static func scheme(of url: String) -> String? {
        // An ASCII address (most are) is read as bytes: there a Character is a byte but for
        // CR LF, so the first ':' byte is the first ':' Character. Every link of every page asks,
        // and breaking each into Characters was 0.4 % of a 10,000-page build's CPU.
        if let ascii = url.withASCIIBytes(asciiScheme) { return ascii }
        return schemeByCharacters(of: url)
    }

    /// `scheme(of:)` of an ASCII address, by bytes.
    private static func asciiScheme(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(u[0]),
              u[..<colon].allSatisfy({ isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                  || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return nil }
        return String(decoding: u[..<colon].map { $0 | (isLetter($0) ? 0x20 : 0) }, as: UTF8.self)
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") <= 25 }

    /// `scheme(of:)` read Character by Character: any text.
    static func schemeByCharacters(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }

    /// Links from content may only lead to the web, to mail or to a phone.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    public static func isAllowedExternal(_ url: String) -> Bool {
        scheme(of: url).map { isAllowedExternal(url, scheme: $0) } ?? false
    }

    /// `isAllowedExternal` of a URL whose scheme is known already (`scheme(of: url)`).
    static func isAllowedExternal(_ url: String, scheme: String) -> Bool {
        guard allowedSchemes.contains(scheme) else { return false }
        if scheme == "http" || scheme == "https" {
            // Something after `scheme://`: asked of the next Character, not by counting them all.
            return url.dropFirst(scheme.count + 1).hasPrefix("//") && !url.dropFirst(scheme.count + 3).isEmpty
        }
        return true
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension URLText {
    /// An absolute http(s) URL with a host and no white space.
    public static func isHTTP(_ url: String) -> Bool {
        isWellFormedHTTP(url) && !isUnfinished(url)
    }

    /// A URL left as the example it was copied from: `https://…`, `https://www.ipa.go.jp/…`,
    /// `https://.../a`. No real address holds a bare ellipsis (a path would percent-encode it)
    /// or an empty label in its host name.
    static func isUnfinished(_ url: String) -> Bool {
        guard let scheme = scheme(of: url), scheme == "http" || scheme == "https" else { return false }
        if url.unicodeScalars.contains(where: { $0 == "…" || $0 == "‥" }) { return true }
        let host = url.unicodeScalars.dropFirst(scheme.count + 3).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(host).contains("..")
    }

    /// The message for a URL that `isHTTP` refuses: that it was left unfinished, or `otherwise`.
    static func problem(with url: String, otherwise: Message) -> Message? {
        if isUnfinished(url) { return .unfinishedURL(url) }
        return isWellFormedHTTP(url) ? nil : otherwise
    }

    private static func isWellFormedHTTP(_ url: String) -> Bool {
        // Most URLs are ASCII, where a Character is a byte (or CR LF, white space either way):
        // read as bytes, the same answer as below without breaking the text into Characters.
        if let ascii = url.withASCIIBytes(isHTTP(ascii:)) { return ascii }
        guard let scheme = scheme(of: url), scheme == "http" || scheme == "https" else { return false }
        // White space by scalar, without breaking the text into Characters. The same as asking
        // each Character, but for a space after a prepended mark (U+0600 and its kind), which
        // joins that mark's Character and hid from the Character test: refused now, as it should be.
        return isAllowedExternal(url) && !url.unicodeScalars.contains(where: \.properties.isWhitespace)
    }

    /// `isHTTP` of an ASCII URL: "http" or "https" in any case, "://", at least one more byte,
    /// and none of ASCII's white space (tab, line feed, vertical tab, form feed, carriage return, space).
    private static func isHTTP(ascii u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")), colon == 4 || colon == 5 else { return false }
        for (i, letter) in "https".utf8.prefix(colon).enumerated() where u[i] | 0x20 != letter { return false }
        guard u.count > colon + 3, u[colon + 1] == UInt8(ascii: "/"), u[colon + 2] == UInt8(ascii: "/") else { return false }
        return !u.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }
}
