import Synchronization

/// Partials that render the same on most pages (the header: the site's title, the navigation,
/// the path to the root) are rendered once per distinct set of the values they read, not once
/// per page: a fifth of the rendering of a 10,000-page site was its header, the same few dozen
/// headers over and over.
///
/// Found by reading the templates, so editors' own templates get it too: a `{{>name}}` tag
/// qualifies when what it writes can only depend on the page's top-level values it names.
/// That holds when the tag is outside every section of its template, that template is only ever
/// rendered as a layout or included the same way (so the tag always sees the page's own values,
/// nothing pushed above them), neither is indented (swift-mustache would indent the partial's
/// lines), and the partial, with the partials it includes, uses no blocks or parents (a page's
/// blocks could reach into it). The tag is replaced by a partial that writes the memo's text;
/// the memo key holds every top-level value the partial can read (see `Entry.key`).
struct PartialMemo: Sendable {
    struct Entry: Sendable {
        /// The partial the tag names.
        var partial: String
        /// The key of its text in the context, and the name of the partial that writes it.
        var slot: String
        /// The one-tag template that renders the partial alone, with the page's values.
        var renderer: String
        /// Top-level names the partial reads outside its sections (its sections' names too).
        var rootNames: [String]
        /// Names read inside each outermost section (by the section's name): these reach the
        /// page's top level only past an item that lacks them.
        var sectionNames: [(section: String, names: [String])]
    }

    /// Texts to register in place of the templates', by name (the hosts, rewritten; the slot
    /// and renderer templates).
    var templates: [String: String] = [:]
    var entries: [Entry] = []
    /// For each template, the entries rendering with it as the layout needs.
    var entriesByLayout: [String: [Int]] = [:]
    /// The texts rendered so far, shared by every copy of the plan (and the renderer's threads).
    let store = PartialMemoStore()

    static let none = PartialMemo()

    /// The plan for `sources` (name → text; `references`: the partials and parents each names,
    /// see `TemplateSet.references(in:)`); `.none` when no tag qualifies or a template changes
    /// its delimiters.
    static func plan(_ sources: [String: String], references: [String: [String]]) -> PartialMemo {
        var tags: [String: [TemplateTag]] = [:]
        for (name, text) in sources {
            guard let scanned = TemplateTag.scan(text) else { return .none }
            tags[name] = scanned
        }
        let flat = flatTemplates(tags)
        var memo = PartialMemo()
        var slots: [String: Int] = [:]
        var rewrites: [String: [(range: Range<Int>, entry: Int)]] = [:]
        for host in tags.keys.sorted() where flat.contains(host) {
            for tag in tags[host]! where tag.kind == .partial && !tag.dynamic && tag.depth == 0 && tag.before == .nothing {
                if slots[tag.name] == nil {
                    var scope = Scope()
                    let slot = "_portalMemo\(memo.entries.count)"
                    // The names the memo adds must not hide a template of the same name.
                    guard scope.read(tag.name, tags, visiting: []), sources[slot] == nil, sources[slot + "Render"] == nil else { continue }
                    slots[tag.name] = memo.entries.count
                    memo.entries.append(Entry(partial: tag.name, slot: slot, renderer: slot + "Render",
                                              rootNames: scope.rootNames.sorted(),
                                              sectionNames: scope.sectionNames.keys.sorted().map { ($0, scope.sectionNames[$0]!.sorted()) }))
                    memo.templates[slot] = "{{{\(slot)}}}"
                    memo.templates[slot + "Render"] = "{{>\(tag.name)}}"
                }
                rewrites[host, default: []].append((tag.range, slots[tag.name]!))
            }
        }
        guard !memo.entries.isEmpty else { return .none }
        for (host, spots) in rewrites {
            var bytes = Array(sources[host]!.utf8)
            for spot in spots.reversed() {
                bytes.replaceSubrange(spot.range, with: Array("{{>\(memo.entries[spot.entry].slot)}}".utf8))
            }
            memo.templates[host] = String(decoding: bytes, as: UTF8.self)
        }
        // A layout needs the entries of every template it reaches.
        for name in sources.keys {
            let reached = TemplateSet.closure([name], in: sources, references: references)
            let indices = Set(rewrites.filter { reached[$0.key] != nil }.flatMap { $0.value.map(\.entry) })
            if !indices.isEmpty { memo.entriesByLayout[name] = indices.sorted() }
        }
        return memo
    }

    /// Puts the text of each memoised partial `layout` reaches into `context`: remembered, or
    /// rendered (`render(context, template name)`) and remembered. False when a render failed.
    func fill(_ context: inout [String: Any], for layout: String, rendering render: ([String: Any], String) -> String?) -> Bool {
        for i in entriesByLayout[layout] ?? [] {
            let entry = entries[i]
            let key = store.worthKeying(i) ? entry.key(context) : nil
            if let key, let text = store.text(i, key) {
                context[entry.slot] = text
                continue
            }
            guard let text = render(context, entry.renderer) else { return false }
            if let key { store.remember(i, key, text) }
            context[entry.slot] = text
        }
        return true
    }

    /// The templates whose top-level tags always see the page's own values: every template but
    /// those included inside a section or block, indented, or from such a template.
    static func flatTemplates(_ tags: [String: [TemplateTag]]) -> Set<String> {
        var flat = Set(tags.keys)
        var changed = true
        while changed {
            changed = false
            for (name, list) in tags {
                for tag in list where tag.kind == .partial || tag.kind == .parent {
                    let nested = tag.depth > 0 || tag.before == .whiteSpace || tag.dynamic || !flat.contains(name)
                    if nested, flat.remove(tag.name) != nil { changed = true }
                }
            }
        }
        return flat
    }

    /// The names a partial (with its own partials) reads, and where.
    struct Scope {
        var rootNames: Set<String> = []
        var sectionNames: [String: Set<String>] = [:]
        /// The sections open, across included partials.
        private var open: [Open] = []

        private enum Open {
            /// `{{^…}}`: pushes nothing.
            case inverted
            /// The outermost section that pushes its value, by name: what it pushes is checked.
            case covering(String)
            /// Any other section that pushes its value.
            case pushing
        }


        /// False when the partial cannot be memoised: it reaches a block or parent, includes
        /// itself, names a partial that is not there, or reads the page's whole context (`{{.}}`).
        mutating func read(_ partial: String, _ tags: [String: [TemplateTag]], visiting: Set<String>) -> Bool {
            guard let list = tags[partial], !visiting.contains(partial) else { return false }
            let visiting = visiting.union([partial])
            let outer = open.count
            for tag in list {
                switch tag.kind {
                case .block, .parent: return false
                case .partial:
                    guard !tag.dynamic, read(tag.name, tags, visiting: visiting) else { return false }
                case .variable, .section, .inverted:
                    guard let looked = Self.lookedUp(tag.name) else { return false }
                    let scope = open.first { if case .inverted = $0 { false } else { true } }
                    if let looked {
                        if case .covering(let section) = scope { sectionNames[section, default: []].insert(looked) } else { rootNames.insert(looked) }
                    } else if scope == nil {
                        return false
                    }
                    if tag.kind == .inverted {
                        open.append(.inverted)
                    } else if tag.kind == .section {
                        // A transformed section's items are not the value's: nothing is covered.
                        open.append(scope == nil && !tag.name.contains("(") ? .covering(tag.name) : .pushing)
                    }
                case .close:
                    guard open.count > outer else { return false }
                    open.removeLast()
                case .other: break
                }
            }
            return open.count == outer
        }

        /// The first part of the name a tag looks up (`a` of `a.b`, `x` of `f(x)`); `.some(nil)`
        /// for the current item (`.`); nil when the name cannot be read.
        static func lookedUp(_ name: String) -> String?? {
            var name = Substring(name)
            if let open = name.lastIndex(of: "(") {
                guard let close = name[open...].firstIndex(of: ")") else { return nil }
                name = name[name.index(after: open)..<close]
            }
            if name == "." { return .some(nil) }
            guard let first = name.split(separator: ".", omittingEmptySubsequences: false).first, !first.isEmpty else { return nil }
            return .some(String(first))
        }
    }
}

extension PartialMemo.Entry {
    /// Every top-level value the partial can read, written out so that equal keys mean equal
    /// output: the values it reads outside sections, and a value read inside a section unless
    /// each item the section pushes has its own. Nil when a value is of a kind not written here
    /// (the partial is then rendered for the page and not remembered).
    func key(_ context: [String: Any]) -> [UInt8]? {
        var key = MemoKey()
        for name in rootNames {
            key.add(name)
            guard key.add(value: context[name]) else { return nil }
        }
        for (section, names) in sectionNames {
            let items = MemoKey.resolve(section, in: context)
            for name in names where !MemoKey.covers(items, name) {
                key.add(name)
                guard key.add(value: context[name]) else { return nil }
            }
        }
        return key.bytes
    }
}

/// Values written with their kind and length, so two different values never write the same.
/// Bytes, not a String: a String key of Japanese titles was normalised again each time the
/// store hashed or compared it (two thirds of the memo's time).
struct MemoKey {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    mutating func add(_ name: String) {
        addCount(name.utf8.count)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: name.utf8)
    }

    /// A count's decimal digits, last digit first (cheaper to write, and still one reading:
    /// the ':' after it ends the count).
    private mutating func addCount(_ n: Int) {
        var n = n
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        } while n > 0
    }

    mutating func add(value: Any?) -> Bool {
        guard let value else {
            bytes.append(UInt8(ascii: "-"))
            return true
        }
        switch value {
        case let s as String:
            bytes.append(UInt8(ascii: "s"))
            add(s)
        case let b as Bool: bytes.append(b ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case let i as Int:
            bytes.append(UInt8(ascii: "i"))
            bytes.append(contentsOf: String(i).utf8)
            bytes.append(UInt8(ascii: ";"))
        case let d as [String: Any]:
            bytes.append(UInt8(ascii: "{"))
            addCount(d.count)
            bytes.append(UInt8(ascii: ":"))
            for name in d.keys.sorted() {
                add(name)
                guard add(value: d[name]) else { return false }
            }
        case let a as [[String: Any]]:
            bytes.append(UInt8(ascii: "["))
            addCount(a.count)
            bytes.append(UInt8(ascii: ":"))
            for item in a { guard add(value: item) else { return false } }
        case let a as [String]:
            bytes.append(UInt8(ascii: "["))
            addCount(a.count)
            bytes.append(UInt8(ascii: ":"))
            for item in a { add(item) }
        default: return false
        }
        return true
    }

    /// The value a section's name (`a` or `a.b`) finds at the page's top level.
    static func resolve(_ path: String, in context: [String: Any]) -> Any? {
        var parts = path.split(separator: ".", omittingEmptySubsequences: false)[...]
        guard let first = parts.popFirst() else { return nil }
        var value = context[String(first)]
        for part in parts {
            guard let d = value as? [String: Any] else { return nil }
            value = d[String(part)]
        }
        return value
    }

    /// Whether a section over `items` finds `name` in each item it pushes (or is not shown).
    static func covers(_ items: Any?, _ name: String) -> Bool {
        guard let items else { return true }
        switch items {
        case let b as Bool: return !b
        case let list as [[String: Any]]: return list.allSatisfy { holds($0[name]) }
        case let d as [String: Any]: return holds(d[name])
        default: return false
        }
    }

    /// A value swift-mustache finds rather than looking further down: not an empty optional.
    private static func holds(_ value: Any?) -> Bool {
        guard let value else { return false }
        switch value {
        case is String, is Bool, is Int, is [String: Any], is [[String: Any]], is [String]: return true
        default: return false
        }
    }
}

/// The memo's texts, shared by the renderer's threads. A partial whose keys keep differing (it
/// reads something of each page) stops being keyed and is rendered for each page.
final class PartialMemoStore: Sendable {
    /// An entry's key bytes, hashed and compared as bytes.
    private struct Key: Hashable {
        var entry: Int
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(entry)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private struct State {
        var texts: [Key: String] = [:]
        var hits: [Int: Int] = [:], misses: [Int: Int] = [:]
    }

    private let state = Mutex(State())
    static let limit = 4096

    func worthKeying(_ entry: Int) -> Bool {
        state.withLock { s in
            let misses = s.misses[entry, default: 0]
            return misses < 64 || misses <= 4 * s.hits[entry, default: 0]
        }
    }

    func text(_ entry: Int, _ key: [UInt8]) -> String? {
        state.withLock { s in
            let found = s.texts[Key(entry: entry, bytes: key)]
            if found != nil { s.hits[entry, default: 0] += 1 }
            return found
        }
    }

    func remember(_ entry: Int, _ key: [UInt8], _ text: String) {
        state.withLock { s in
            s.misses[entry, default: 0] += 1
            if s.texts.count < Self.limit { s.texts[Key(entry: entry, bytes: key)] = text }
        }
    }
}
