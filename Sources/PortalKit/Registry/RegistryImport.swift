/// How to read the list a company drops in (site.yml's `registry:`), one value for every
/// command that reads it, so `portal build` and `portal services` see the same rows.
public struct RegistryImport: Sendable, Hashable, Codable {
    /// `encoding`: how services.csv is encoded.
    public var encoding: TextEncodingChoice = .auto
    /// `pentest_column`: the heading of the column that marks the penetration-testing option,
    /// when the list names it otherwise than the headings portal knows.
    public var pentestColumn: String?
    /// `pentest_marker`: the words that mark the option inside サービス種別.
    var pentestMarker = PentestMarker()
    /// `sheet`: the sheet of services.xlsx to read (the first one otherwise).
    public var sheet: String?

    public init() {}
}
