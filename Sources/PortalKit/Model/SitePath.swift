/// A path inside the output folder, `/`-separated, never absolute and never with `..`.
/// Links between pages are always computed from two of these, so every URL is relative.
public struct SitePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let components: [String]
    /// Kept joined: paths are compared, hashed and sorted by it in every build.
    public let string: String

    public init(_ path: String) {
        components = path.split(separator: "/").map(String.init).filter { $0 != "." && !$0.isEmpty }
        precondition(!components.contains(".."), "SitePath must not climb out of the output")
        string = components.joined(separator: "/")
    }

    /// From components already known to be clean (no `/`, `.`, `..` or empty ones).
    init(components: [String]) {
        self.components = components
        string = components.joined(separator: "/")
    }

    public static func == (a: SitePath, b: SitePath) -> Bool { a.string == b.string }
    public func hash(into hasher: inout Hasher) { hasher.combine(string) }
    public var description: String { string }
    public var depth: Int { max(components.count - 1, 0) }

    /// `../` repeated once per folder this page sits in: the way back to the portal root.
    public var rootPrefix: String { String(repeating: "../", count: depth) }

    /// The URL that leads from the page at `self` to `target`, percent-encoded per segment.
    public func relativeURL(to target: SitePath, fragment: String? = nil) -> String {
        let from = components.dropLast()
        var common = 0
        while common < from.count, common < target.components.count - 1,
              from[from.startIndex + common] == target.components[common] {
            common += 1
        }
        let up = Array(repeating: "..", count: from.count - common)
        let down = target.components[common...].map(URLText.encodePathSegment)
        var url = (up + down).joined(separator: "/")
        if let fragment, !fragment.isEmpty { url += "#" + URLText.encodeFragment(fragment) }
        return url
    }

    /// By code point (UTF-8 bytes): String's order for the NFC names of a portal, without its
    /// Unicode machinery on every comparison of a ten-thousand-file sort.
    public static func < (a: SitePath, b: SitePath) -> Bool { a.string.precedesByCodePoint(b.string) }
}

/// A path is stored and fingerprinted as the string it is compared by.
extension SitePath: Codable {
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(string)
    }
}
