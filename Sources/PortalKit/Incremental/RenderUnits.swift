/// A part of the portal rendered from one value: a guidance page, the list pages, the search page
/// with the incident sheet, one kind's pages. The renderer describes every unit the same way and
/// knows nothing of reuse; `RenderUnits.run` is the incremental layer around it.
struct RenderUnit: Sendable {
    /// A content path, or one of the `RenderCache` group keys.
    let key: String
    /// Everything the unit's files are made of, its layout (templates, site.yml) included. Asked
    /// for only when there is something to reuse or to record.
    let fingerprint: @Sendable () -> StableDigest
    /// Where its one file goes, when that is known before rendering (a guidance page): files
    /// recorded elsewhere are not taken.
    let path: SitePath?
    let jobs: [RenderJob]
}

/// Where earlier renders' files can come from: this process's last render (watch, serve), or
/// the last run's output as the build cache recorded it (`portal build`).
protocol RenderedUnits: Sendable {
    /// The unit's files, if they were made from inputs with this fingerprint and are still there.
    func files(for key: String, fingerprint: StableDigest) -> [OutputFile]?
}

/// What one render made, by unit key: the memo the next render of the same process consults,
/// and what the build cache records.
struct UnitMemo: Sendable, RenderedUnits {
    struct Entry: Sendable {
        var fingerprint: StableDigest
        var files: [OutputFile]
    }

    var entries: [String: Entry] = [:]

    func files(for key: String, fingerprint: StableDigest) -> [OutputFile]? {
        guard let entry = entries[key], entry.fingerprint == fingerprint else { return nil }
        return entry.files
    }
}

extension RenderCache.Reuse: RenderedUnits {
    func files(for key: String, fingerprint: StableDigest) -> [OutputFile]? { files(for: key, digest: fingerprint) }
}

/// The incremental layer: renders the units whose fingerprint no earlier render has, takes the
/// others' files from where they were made. Without anything to reuse or record, fingerprints
/// are never computed and every unit is rendered.
enum RenderUnits {
    struct Result: Sendable {
        /// Each unit's files, in the units' order.
        var files: [[OutputFile]]
        /// Set when asked to record.
        var memo: UnitMemo?
        /// HTML files taken from `earlier` rather than rendered.
        var keptPages = 0
        /// Templates that failed, in the order first met.
        var failures: [TemplateError] = []
    }

    static func run(_ units: [RenderUnit], reusing earlier: (any RenderedUnits)?, record: Bool) async -> Result {
        let fingerprints: [StableDigest]? = earlier != nil || record ? await parallelMap(units) { $0.fingerprint() } : nil
        var files = [[OutputFile]?](repeating: nil, count: units.count)
        var jobs: [(unit: Int, job: RenderJob)] = []
        var kept = 0
        for (i, unit) in units.enumerated() {
            if let earlier, let fingerprints, let found = earlier.files(for: unit.key, fingerprint: fingerprints[i]),
               unit.path == nil || (found.count == 1 && found[0].path == unit.path) {
                files[i] = found
                kept += found.count { $0.path.string.endsWithBytes(".html") }
            } else {
                jobs += unit.jobs.map { (i, $0) }
            }
        }
        let results = await parallelMap(jobs) { $0.job() }
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
        var memo: UnitMemo?
        if record, let fingerprints {
            memo = UnitMemo(entries: Dictionary(zip(units, zip(fingerprints, all)).map { unit, made in
                (unit.key, UnitMemo.Entry(fingerprint: made.0, files: made.1))
            }, uniquingKeysWith: { a, _ in a }))
        }
        return Result(files: all, memo: memo, keptPages: earlier is RenderCache.Reuse ? kept : 0, failures: failures)
    }
}
