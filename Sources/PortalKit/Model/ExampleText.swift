/// Values only an example has: the reserved example domains (RFC 2606, RFC 6761) and the
/// fill-in marks editors leave (〇〇, ××, 要記入). Data that is not marked `sample: true` but
/// holds them is reported, so a template's placeholders never pass for the company's data.
enum ExampleText {
    static let domains = ["example.com", "example.net", "example.org"]
    static let suffixes = [".example", ".test", ".invalid"]
    static let marks = ["〇〇", "○○", "◯◯", "××", "ＸＸ", "XXX", "xxx", "要記入", "ダミー", "（サンプル）", "(サンプル)"]

    /// `.example.com` and the like, for the suffix test.
    private static let dottedDomains = domains.map { "." + $0 }

    /// The host of an http(s) URL or an e-mail address, lower-cased; nil for neither.
    static func host(_ address: String) -> String? {
        // An ASCII address (nearly all) read as bytes: a Character there is a byte, or CR LF,
        // which none of the marks looked for can join, so the same host as by Characters.
        if let ascii = address.withASCIIBytes(host(ascii:)) { return ascii }
        return hostByCharacters(address)
    }

    static func hostByCharacters(_ address: String) -> String? {
        var rest = Substring(address)
        if let at = rest.lastIndex(of: "@"), !address.contains("://") { return String(rest[rest.index(after: at)...]).lowercased() }
        guard let start = rest.range(of: "://") else { return nil }
        rest = rest[start.upperBound...]
        let end = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        var host = rest[..<end]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        return host.lowercased()
    }

    private static func host(ascii u: UnsafeBufferPointer<UInt8>) -> String? {
        func lowered(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
            String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        let separator = u.indices.dropLast(2).first { u[$0] == UInt8(ascii: ":") && u[$0 + 1] == UInt8(ascii: "/") && u[$0 + 2] == UInt8(ascii: "/") }
        guard let separator else {
            return u.lastIndex(of: UInt8(ascii: "@")).map { lowered(u[($0 + 1)...]) }
        }
        var start = separator + 3
        let end = u[start...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? u.count
        if let at = u[start..<end].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
        let stop = u[start..<end].lastIndex(of: UInt8(ascii: ":")) ?? end
        return lowered(u[start..<stop])
    }

    static func isExampleAddress(_ address: String) -> Bool {
        guard let host = host(address) else { return false }
        return domains.contains(host) || dottedDomains.contains { host.hasSuffix($0) } || suffixes.contains { host.hasSuffix($0) }
    }

    /// The first fill-in mark in the text, if any.
    static func mark(in text: String) -> String? {
        marks.first { text.contains($0) }
    }
}

extension ExampleText {
    /// One warning for a registry not marked sample whose rows look made up, at the first such
    /// row, with how many there are: a list of a thousand example rows is one mistake, not a thousand.
    static func registryWarning(_ registry: Registry) -> Diagnostic? {
        var first: (line: Int, value: String)?
        var count = 0
        for s in registry.services {
            let value = isExampleAddress(s.url) ? s.url : mark(in: s.name).map { _ in s.name } ?? mark(in: s.provider).map { _ in s.provider }
            guard let value else { continue }
            count += 1
            if first == nil { first = (s.line, value) }
        }
        guard let first else { return nil }
        return .warning(.load, path: registry.sourcePath, line: first.line, column: 1, .exampleRows(count, of: registry.services.count, value: first.value))
    }
}
