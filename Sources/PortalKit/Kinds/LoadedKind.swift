/// A kind with its input, its type erased: what the build carries between phases and builds.
struct LoadedKind: Sendable {
    let id: String
    let input: any Hashable & Codable & Sendable
    let resolvesLinks: Bool
    let markdownPages: [GuidancePage]
    let links: [KindLink]
    let synonyms: [[String]]
    let terms: [TermLink]
    let linkTargets: [String: LinkResolver.Target]
    private let renderInput: @Sendable (KindSite) -> KindOutput
    private let equalsInput: @Sendable (any Sendable) -> Bool
    private let digestInput: @Sendable () -> StableDigest

    init<K: ContentKind>(kind: K, input: K.Input) {
        id = kind.id
        self.input = input
        resolvesLinks = kind.resolvesLinks
        markdownPages = kind.markdownPages(input)
        links = kind.links(input)
        synonyms = kind.synonyms(input)
        terms = kind.terms(input)
        linkTargets = kind.linkTargets(input)
        renderInput = { site in kind.render(input, in: site) }
        equalsInput = { other in (other as? K.Input) == input }
        digestInput = { Fingerprint.of(input) }
    }

    /// The build cache's digest of the input; made when asked for (only a unit made of the
    /// whole input needs it, and the guidance pages' input is every page).
    var fingerprint: StableDigest { digestInput() }

    func render(in site: KindSite) -> KindOutput { renderInput(site) }

    /// The same kind with an equal input.
    func hasSameInput(as other: LoadedKind) -> Bool {
        id == other.id && equalsInput(other.input)
    }

    /// The input, when it is of the type asked for.
    func input<T>(as type: T.Type) -> T? { input as? T }
}

/// Equal while the input is; encoded as its id and the input's fingerprint.
extension LoadedKind: Hashable, Encodable {
    static func == (a: LoadedKind, b: LoadedKind) -> Bool { a.hasSameInput(as: b) }
    func hash(into hasher: inout Hasher) { hasher.combine(id) }

    private enum Key: CodingKey { case id, fingerprint }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(fingerprint, forKey: .fingerprint)
    }
}
