/// A part of the portal rendered from one value: a guidance page, the list pages, the search page,
/// one kind's pages. The renderer describes every unit the same way and knows nothing of reuse;
/// `RenderUnits.run` is the incremental layer around it.
struct RenderUnit: Sendable {
    /// A content path, or one of the `RenderCache` group keys.
    let key: String
    /// Everything the unit is made of besides its layout.
    let input: UnitInput
    /// The fingerprint of its layout: the templates it is rendered with and site.yml as loaded.
    /// Shared by every unit of a group, so it is computed once per render.
    let layout: StableDigest
    /// Where its one file goes, when that is known before rendering (a guidance page): files
    /// recorded elsewhere are not taken.
    let path: SitePath?
    /// Made only for the units that are rendered.
    let jobs: @Sendable () -> [RenderJob]
}

/// What a unit is made of, as one `Hashable & Encodable` value: equality (the in-process memo)
/// and the fingerprint (the build cache) both derive from it, neither written by hand.
struct UnitInput: Sendable, Equatable {
    private let box: any InputBox

    init<T: Hashable & Encodable & Sendable>(_ value: T) {
        box = TypedInputBox(value)
    }

    static func == (a: UnitInput, b: UnitInput) -> Bool { a.box.isEqual(to: b.box) }

    var fingerprint: StableDigest { box.fingerprint }
}

/// The value behind a `UnitInput`: an object, so comparing two is a class cast (a watch rebuild
/// compares ten thousand) rather than an existential's dynamic cast.
private protocol InputBox: AnyObject, Sendable {
    func isEqual(to other: any InputBox) -> Bool
    var fingerprint: StableDigest { get }
}

private final class TypedInputBox<T: Hashable & Encodable & Sendable>: InputBox {
    let value: T

    init(_ value: T) { self.value = value }

    func isEqual(to other: any InputBox) -> Bool {
        guard let other = other as? TypedInputBox<T> else { return false }
        return value == other.value
    }

    var fingerprint: StableDigest { Fingerprint.of(value) }
}

/// What Markdown links resolve against: every page's output path and heading ids, and the
/// attachments. One object per render, taken over from the last render while equal, so units
/// that hold it compare by identity. It encodes as its fingerprint, made once.
final class LinkTargets: Sendable, Hashable, Encodable {
    let targets: [String: LinkResolver.Target]
    let attachments: [Attachment]
    let allowRemoteImages: Bool
    let fingerprint: StableDigest

    init(targets: [String: LinkResolver.Target], attachments: [Attachment], allowRemoteImages: Bool, fingerprint: Bool) {
        self.targets = targets
        self.attachments = attachments
        self.allowRemoteImages = allowRemoteImages
        self.fingerprint = fingerprint ? RenderCache.digest(targets: targets, attachments: attachments) : StableDigest()
    }

    static func == (a: LinkTargets, b: LinkTargets) -> Bool {
        a === b || (a.targets == b.targets && a.attachments == b.attachments && a.allowRemoteImages == b.allowRemoteImages)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(targets.count) }

    func encode(to encoder: any Encoder) throws { try fingerprint.encode(to: encoder) }
}

/// What a kind's pages are made of: its input, its Markdown pages as resolved, and for a kind
/// whose data holds Markdown that links to pages, what links resolve against.
struct KindInputs: Sendable, Hashable, Encodable {
    var kind: LoadedKind
    var pages: [MarkdownStage.Resolved]
    var links: LinkTargets?
}

/// Where earlier renders' files can come from: this process's last render (watch, serve), or
/// the last run's output as the build cache recorded it (`portal build`).
protocol RenderedUnits: Sendable {
    /// The unit's files, if they were made from what it is made of and are still there.
    /// `fingerprint`: the unit's, when the caller computed them.
    func files(for unit: RenderUnit, fingerprint: StableDigest?) -> [OutputFile]?
}

/// What one render made, by unit key, with what each unit was made of: the next render of the
/// same process reuses a unit's files while its input is equal.
struct UnitMemo: Sendable, RenderedUnits {
    struct Entry: Sendable {
        var input: UnitInput
        var layout: StableDigest
        var files: [OutputFile]
    }

    var entries: [String: Entry] = [:]

    func files(for unit: RenderUnit, fingerprint: StableDigest?) -> [OutputFile]? {
        guard let entry = entries[unit.key], entry.layout == unit.layout, entry.input == unit.input else { return nil }
        return entry.files
    }
}

extension RenderCache.Reuse: RenderedUnits {
    func files(for unit: RenderUnit, fingerprint: StableDigest?) -> [OutputFile]? {
        fingerprint.flatMap { files(for: unit.key, digest: $0) }
    }
}

/// The incremental layer: renders the units no earlier render made, takes the others' files from
/// where they were made.
enum RenderUnits {
    struct Result: Sendable {
        /// Each unit's files, in the units' order.
        var files: [[OutputFile]]
        var memo: UnitMemo
        /// Each unit's fingerprint (its input's with its layout's), by key, when asked for.
        var fingerprints: [String: StableDigest]?
        /// HTML files taken from the build cache's record rather than rendered.
        var keptPages = 0
        /// Templates that failed, in the order first met.
        var failures: [TemplateError] = []
    }

    /// `fingerprints`: compute every unit's (the build cache compares and records them; watch
    /// compares inputs and needs none).
    /// `sink`: where each job's files go as soon as they are made, on the core that made them;
    /// what it answers is kept instead (a single build writes pages to the staging folder there
    /// and keeps no bytes).
    static func run(_ units: [RenderUnit], reusing earlier: (any RenderedUnits)?, fingerprints wanted: Bool,
                    sink: (@Sendable ([OutputFile]) -> [OutputFile])? = nil) async -> Result {
        let fingerprints: [StableDigest]? = wanted ? await parallelMap(units) { $0.input.fingerprint.combined(with: $0.layout) } : nil
        var files = [[OutputFile]?](repeating: nil, count: units.count)
        var jobs: [(unit: Int, job: RenderJob)] = []
        var kept = 0
        for (i, unit) in units.enumerated() {
            if let earlier, let found = earlier.files(for: unit, fingerprint: fingerprints?[i]),
               unit.path == nil || (found.count == 1 && found[0].path == unit.path) {
                files[i] = found
                kept += found.count { $0.path.string.endsWithBytes(".html") }
            } else {
                jobs += unit.jobs().map { (i, $0) }
            }
        }
        let results = await parallelMap(jobs) { job in sink.map { sink in job.job().map(sink) } ?? job.job() }
        var failures: [TemplateError] = []
        var failed: Set<String> = []
        for ((unit, _), result) in zip(jobs, results) {
            switch result {
            case .success(let made): files[unit] = (files[unit] ?? []) + made
            case .failure(let error):
                if files[unit] == nil { files[unit] = [] }
                if failed.insert(error.name).inserted { failures.append(error) }
            }
        }
        let all = files.map { $0 ?? [] }
        var memo = UnitMemo()
        memo.entries.reserveCapacity(units.count)
        for (unit, made) in zip(units, all) {
            memo.entries[unit.key] = UnitMemo.Entry(input: unit.input, layout: unit.layout, files: made)
        }
        let byKey = fingerprints.map { Dictionary(zip(units.map(\.key), $0), uniquingKeysWith: { a, _ in a }) }
        return Result(files: all, memo: memo, fingerprints: byKey, keptPages: earlier is RenderCache.Reuse ? kept : 0, failures: failures)
    }
}
