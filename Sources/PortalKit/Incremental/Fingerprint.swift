import PortalMarkdown

/// The build cache's digest of any `Encodable` value, derived from its `Codable` conformance, so
/// what a page depends on is written once (the value's stored properties) and never again in a
/// hand-written list that could miss a field.
///
/// The same value gives the same fingerprint in every process: keyed containers (structs, and
/// dictionaries, whose order Swift seeds per process) combine their entries with a commutative
/// sum of per-entry digests; unkeyed containers (arrays) keep their order. A `Set` encodes in
/// per-process order, so inputs hold sorted arrays instead (`Fingerprint.of` traps on a Set in
/// debug builds, where the tests run).
enum Fingerprint {
    /// `shortcuts`: the hand-written digests of a page's headings and sections (`Shortcut`),
    /// the same as their Codable path gives; off only for the tests that check so.
    static func of<T: Encodable>(_ value: T, shortcuts: Bool = true) -> StableDigest {
        let sink = DigestSink(shortcuts: shortcuts)
        let encoder = FingerprintEncoder(sink: sink, codingPath: [])
        do {
            try value.encode(to: encoder)
        } catch {
            // The encoder never throws; a value whose encode(to:) does is digested as its error.
            sink.digest.add("\u{0}error:\(error)")
        }
        return sink.digest
    }
}

/// One digest being built; containers made from the same encoder write to it in turn.
private final class DigestSink {
    var digest = StableDigest()
    let shortcuts: Bool

    init(shortcuts: Bool) { self.shortcuts = shortcuts }
}

private struct FingerprintEncoder: Encoder {
    let sink: DigestSink
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.digest.add(-1)
        return KeyedEncodingContainer(KeyedDigest<Key>(sink: sink, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.digest.add(-2)
        return UnkeyedDigest(sink: sink, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleDigest(sink: sink, codingPath: codingPath)
    }
}

/// Digests one value on its own, for a keyed entry or an element.
private func digest<T: Encodable>(_ value: T, codingPath: [any CodingKey], shortcuts: Bool) -> StableDigest {
    assert(!(value is any SetAlgebra), "a Set encodes in per-process order: fingerprint a sorted array")
    if shortcuts, T.self == [Heading].self { return Shortcut.headings(value as! [Heading]) }
    if shortcuts, T.self == [TextSection].self { return Shortcut.sections(value as! [TextSection]) }
    if shortcuts, T.self == SearchDocument.self { return Shortcut.searchDocument(value as! SearchDocument) }
    if shortcuts, T.self == MarkdownStage.Resolved.self { return Shortcut.renderedPage((value as! MarkdownStage.Resolved).page) }
    if shortcuts, T.self == RenderedPage.self { return Shortcut.renderedPage(value as! RenderedPage) }
    if shortcuts, T.self == GuidancePage.self { return Shortcut.page((value as! GuidancePage).fields) }
    let sink = DigestSink(shortcuts: shortcuts)
    try? value.encode(to: FingerprintEncoder(sink: sink, codingPath: codingPath))
    return sink.digest
}

/// A keyed container's entries, summed so that their order does not matter.
private struct EntrySum {
    private var a: UInt64 = 0, b: UInt64 = 0, count = 0

    mutating func add(_ key: String, _ value: StableDigest) {
        var d = StableDigest()
        d.add(key)
        d.add(value)
        a &+= d.a
        b &+= d.b
        count += 1
    }

    mutating func add(_ key: String, text: String) {
        var d = StableDigest()
        d.add(text)
        add(key, d)
    }

    mutating func add(_ key: String, integer: Int) {
        var d = StableDigest()
        d.add(integer)
        add(key, d)
    }

    mutating func add(_ key: String, flag: Bool) {
        var d = StableDigest()
        d.add(flag)
        add(key, d)
    }

    /// What a keyed container adds when it is done.
    func finish(into digest: inout StableDigest) {
        digest.add(count)
        digest.add(StableDigest(a: a, b: b))
    }
}

/// Every rendered page's headings and sections, and the search documents, digested for the render cache, as their
/// Codable path would: a keyed container per element (-1, its entries' sum), in an unkeyed
/// one (-2); a nil optional left out. The Codable path boxed a container for each element,
/// a third of the fingerprints' time. `FingerprintTests` compares both on seeded values, so
/// a field added to these types and not here fails it.
private enum Shortcut {
    static func headings(_ headings: [Heading]) -> StableDigest {
        list(headings) { h, sum in
            sum.add("level", integer: h.level)
            sum.add("text", text: h.text)
            sum.add("id", text: h.id)
            sum.add("line", integer: h.line)
        }
    }

    static func sections(_ sections: [TextSection]) -> StableDigest {
        list(sections) { s, sum in
            if let id = s.headingID { sum.add("headingID", text: id) }
            sum.add("title", text: s.title)
            sum.add("text", text: s.text)
        }
    }

    /// A search document as its Codable path digests it: its kind as its raw text, the
    /// breadcrumb as a list (-2, each text's own digest), no category when it has none.
    /// A whole site's documents go into the render cache's digest (a percent of a build).
    static func searchDocument(_ document: SearchDocument) -> StableDigest {
        let f = document.fields
        return keyed { sum in
            sum.add("kind", text: f.kind.rawValue)
            sum.add("title", text: f.title)
            sum.add("breadcrumb", texts(f.breadcrumb))
            sum.add("url", text: f.url)
            sum.add("text", text: f.text)
            if let category = f.category { sum.add("category", text: category) }
            sum.add("pageTitle", text: f.pageTitle)
        }
    }

    /// A rendered page (what each guidance page's render fingerprint holds) as its Codable path
    /// digests it: the page's fields, its HTML, headings and sections. Through the generic path
    /// each of its twenty-odd fields went through a boxed container: a fifth of the render
    /// cache's fingerprints.
    static func renderedPage(_ p: RenderedPage) -> StableDigest {
        keyed { sum in
            sum.add("page", page(p.page.fields))
            sum.add("contentHTML", text: p.contentHTML)
            sum.add("headings", headings(p.headings))
            sum.add("sections", sections(p.sections))
        }
    }

    /// A page's fields (`GuidancePage` encodes as its fields); a nil optional left out. The
    /// editors' `extra:` data goes through the Codable path.
    static func page(_ f: GuidancePage.Fields) -> StableDigest {
        keyed { sum in
            sum.add("kind", text: f.kind.rawValue)
            sum.add("contentPath", text: f.contentPath)
            sum.add("displayPath", text: f.displayPath)
            sum.add("slug", keyed { $0.add("value", text: f.slug.value) })
            sum.add("title", text: f.title)
            sum.add("summary", text: f.summary)
            sum.add("updated", keyed {
                $0.add("year", integer: f.updated.year)
                $0.add("month", integer: f.updated.month)
                $0.add("day", integer: f.updated.day)
            })
            sum.add("sources", list(f.sources) { source, sum in
                sum.add("title", text: source.title)
                sum.add("url", text: source.url)
            })
            sum.add("tags", texts(f.tags))
            if let order = f.order { sum.add("order", integer: order) }
            sum.add("body", text: f.body)
            sum.add("bodyLineOffset", integer: f.bodyLineOffset)
            sum.add("contactGroups", texts(f.contactGroups))
            sum.add("updatedLine", integer: f.updatedLine)
            sum.add("updatedColumn", integer: f.updatedColumn)
            sum.add("sample", flag: f.sample)
            sum.add("linkTerms", flag: f.linkTerms)
            if let group = f.group { sum.add("group", text: group) }
            if let extra = f.extra { sum.add("extra", digest(extra, codingPath: [], shortcuts: true)) }
        }
    }

    /// A keyed container: -1, then its entries' sum.
    private static func keyed(_ fields: (inout EntrySum) -> Void) -> StableDigest {
        var digest = StableDigest()
        digest.add(-1)
        var sum = EntrySum()
        fields(&sum)
        sum.finish(into: &digest)
        return digest
    }

    /// A list of text: -2, then each text's own digest.
    private static func texts(_ items: [String]) -> StableDigest {
        var digest = StableDigest()
        digest.add(-2)
        for item in items {
            var d = StableDigest()
            d.add(item)
            digest.add(d)
        }
        return digest
    }

    /// A list of keyed elements: -2, then each element's own digest.
    private static func list<T>(_ items: [T], _ fields: (T, inout EntrySum) -> Void) -> StableDigest {
        var digest = StableDigest()
        digest.add(-2)
        for item in items { digest.add(keyed { fields(item, &$0) }) }
        return digest
    }
}

/// Entries in any order give the same digest: each entry's own digest (key and value) is added
/// into a running sum, mixed in when the container is done.
private final class KeyedDigest<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: DigestSink
    var codingPath: [any CodingKey]
    private var sum = EntrySum()

    init(sink: DigestSink, codingPath: [any CodingKey]) {
        self.sink = sink
        self.codingPath = codingPath
    }

    deinit { sum.finish(into: &sink.digest) }

    private func entry(_ key: Key, _ value: StableDigest) { sum.add(key.stringValue, value) }

    func encodeNil(forKey key: Key) throws {
        var d = StableDigest()
        d.add(0)
        entry(key, d)
    }

    // No key appended to the coding path: nothing reads it, and it was an array allocated
    // for every nested field.
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        entry(key, digest(value, codingPath: codingPath, shortcuts: sink.shortcuts))
    }

    // The common leaves without a sink of their own each (the same digest as through `digest`).
    func encode(_ value: String, forKey key: Key) throws { sum.add(key.stringValue, text: value) }

    func encode(_ value: Int, forKey key: Key) throws { sum.add(key.stringValue, integer: value) }

    func encode(_ value: Bool, forKey key: Key) throws { sum.add(key.stringValue, flag: value) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        fatalError("nested containers are not used by synthesized conformances")
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        fatalError("nested containers are not used by synthesized conformances")
    }

    func superEncoder() -> any Encoder { fatalError("class inheritance is not fingerprinted") }
    func superEncoder(forKey key: Key) -> any Encoder { fatalError("class inheritance is not fingerprinted") }
}

private struct UnkeyedDigest: UnkeyedEncodingContainer {
    let sink: DigestSink
    var codingPath: [any CodingKey]
    var count = 0

    mutating func encodeNil() throws {
        sink.digest.add(0)
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        sink.digest.add(digest(value, codingPath: codingPath, shortcuts: sink.shortcuts))
        count += 1
    }

    mutating func encode(_ value: String) throws {
        var d = StableDigest()
        d.add(value)
        sink.digest.add(d)
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        fatalError("nested containers are not used by synthesized conformances")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        fatalError("nested containers are not used by synthesized conformances")
    }

    mutating func superEncoder() -> any Encoder { fatalError("class inheritance is not fingerprinted") }
}

private struct SingleDigest: SingleValueEncodingContainer {
    let sink: DigestSink
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { sink.digest.add(0) }
    mutating func encode(_ value: Bool) throws { sink.digest.add(value) }
    mutating func encode(_ value: String) throws { sink.digest.add(value) }
    mutating func encode(_ value: Double) throws { sink.digest.add(Int(bitPattern: UInt(value.bitPattern))) }
    mutating func encode(_ value: Float) throws { sink.digest.add(Int(value.bitPattern)) }
    mutating func encode(_ value: Int) throws { sink.digest.add(value) }
    mutating func encode(_ value: Int8) throws { sink.digest.add(Int(value)) }
    mutating func encode(_ value: Int16) throws { sink.digest.add(Int(value)) }
    mutating func encode(_ value: Int32) throws { sink.digest.add(Int(value)) }
    mutating func encode(_ value: Int64) throws { sink.digest.add(Int(value)) }
    mutating func encode(_ value: UInt) throws { sink.digest.add(Int(bitPattern: value)) }
    mutating func encode(_ value: UInt8) throws { sink.digest.add(Int(value)) }
    mutating func encode(_ value: UInt16) throws { sink.digest.add(Int(value)) }
    mutating func encode(_ value: UInt32) throws { sink.digest.add(Int(value)) }
    mutating func encode(_ value: UInt64) throws { sink.digest.add(Int(bitPattern: UInt(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { sink.digest.add(digest(value, codingPath: codingPath, shortcuts: sink.shortcuts)) }
}
