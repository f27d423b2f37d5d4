/// `extra:` in a page's front matter: the editors' own data (an owner, a review cycle, a form
/// number), kept as written and handed to templates as `page.extra.<key>`. Text, lists and
/// mappings in the order written; nothing in it means anything to portal. One of the three fields
/// is set (a struct rather than an enum with payloads: the cache's coders and fingerprints take
/// the flat keyed form every other value has).
public struct ExtraValue: Sendable, Hashable, Codable {
    public var text: String?
    public var list: [ExtraValue]?
    public var map: [Entry]?

    public struct Entry: Sendable, Hashable, Codable {
        public var key: String
        public var value: ExtraValue
    }

    init(_ node: YAMLNode) {
        switch node {
        case .scalar(let scalar): text = scalar.string
        case .sequence(let items, _): list = items.map(ExtraValue.init)
        case .mapping(let pairs, _): map = pairs.map { Entry(key: $0.key.string ?? "", value: ExtraValue($0.value)) }
        case .alias: text = ""
        }
    }

    /// As Mustache sees it: text, an array, or a dictionary (sections iterate lists).
    var templateValue: Any {
        if let list { return list.map(\.templateValue) }
        if let map { return Dictionary(map.map { ($0.key, $0.value.templateValue) }, uniquingKeysWith: { a, _ in a }) }
        return text ?? ""
    }
}
