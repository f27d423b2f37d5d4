/// The file name of a page in the output: lower-case ASCII letters, digits, `-` and `_`.
/// Kept ASCII so URLs stay readable and the same on every disk and server.
public struct Slug: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    public init?(_ value: String) {
        guard !value.isEmpty, value.count <= 100,
              value.unicodeScalars.allSatisfy({ Slug.allowed($0) }),
              value.first != "-", value.first != "_"
        else { return nil }
        self.value = value
    }

    private static func allowed(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_"
    }

    /// The default slug from a file name: `Incident Response.md` → `incident-response`.
    /// Nil when the name has characters a slug cannot hold (e.g. Japanese): such pages need `slug:`.
    public static func fromFileName(_ stem: String) -> Slug? {
        let lowered = stem.lowercased().replacingOccurrences(of: " ", with: "-")
        return Slug(lowered)
    }

    public var description: String { value }
    public static func < (a: Slug, b: Slug) -> Bool { a.value < b.value }
}
