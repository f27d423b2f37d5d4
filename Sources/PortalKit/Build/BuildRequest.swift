import Foundation

/// What `portal build` was asked to do. Display paths are the folders as the user typed them,
/// so diagnostics read `content/guidance/a.md:3:1` rather than absolute paths.
public struct BuildRequest: Sendable {
    public var content: URL
    public var contentDisplay: String
    public var templates: URL
    public var templatesDisplay: String
    public var output: URL
    public var outputDisplay: String
    public var strict: Bool
    /// Read and write `.portal-cache/` beside the output (`portal build`; not `--no-cache`).
    public var useCache = true
    /// What search-index.json holds (`--json-index`).
    public var jsonIndex = JSONIndexContents.summary

    public init(content: String, templates: String, output: String, strict: Bool = false,
                relativeTo base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        func url(_ p: String) -> URL {
            p.hasPrefix("/") ? URL(fileURLWithPath: p) : base.appendingPathComponent(p)
        }
        self.content = url(content).standardizedFileURL
        self.contentDisplay = content
        self.templates = url(templates).standardizedFileURL
        self.templatesDisplay = templates
        self.output = url(output).standardizedFileURL
        self.outputDisplay = output
        self.strict = strict
    }
}

public struct BuildSummary: Sendable {
    public var pageCount: Int
    public var fileCount: Int
    /// Files written or deleted by an incremental build (nil when the whole output was staged).
    public var changedFiles: Int? = nil
    /// Pages `portal build` took from the last output, unrendered, because the build cache
    /// showed them made from the same inputs.
    public var keptPages = 0
    /// Whether `portal build` took the search index from the last output: made from the very
    /// same documents.
    public var keptIndex = false
    public var warnings: [Diagnostic]
    /// How long each phase took, in order (for `--timings` and benchmarks).
    public var timings: [(phase: BuildPhase, duration: Duration)] = []
    /// Things the user should know that are not about the content (a damaged cache set aside).
    public var notes: [String] = []
}

/// Wall-clock time per phase, measured with a monotonic clock.
struct PhaseTimings {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var entries: [(phase: BuildPhase, duration: Duration)] = []

    init() { last = clock.now }

    mutating func end(_ phase: BuildPhase) {
        let now = clock.now
        entries.append((phase, now - last))
        last = now
    }
}
