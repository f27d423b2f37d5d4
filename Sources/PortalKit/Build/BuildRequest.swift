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
    /// How long each phase took and the memory in use at its end, in order (for `--timings`
    /// and benchmarks).
    public var timings: [PhaseTiming] = []
    /// Things the user should know that are not about the content (a damaged cache set aside).
    public var notes: [String] = []
}

/// The steps `--timings` reports: finer than the phases diagnostics are filed under (the
/// Markdown stage apart from the templates, the index's files apart from its postings).
public enum TimingPhase: String, Sendable, CaseIterable {
    /// Content, templates and assets read and checked.
    case load
    /// Markdown parsed and its links resolved.
    case parse
    /// Pages made from the templates.
    case render
    /// Search documents tokenised, postings collected and weighted.
    case index
    /// The index's files encoded (shards, chunks, search-index.json).
    case encode
    /// Files written and the output swapped in (or updated in place).
    case write
}

/// One step of a build as `--timings` prints it.
public struct PhaseTiming: Sendable {
    public var phase: TimingPhase
    /// Wall-clock time, from a monotonic clock.
    public var duration: Duration
    /// The process's resident memory when the phase ended, and its peak so far (bytes; nil
    /// where /proc cannot tell).
    public var residentBytes: Int?
    public var peakResidentBytes: Int?
    /// CPU time the whole process spent in the phase, on every core (user and system): set
    /// beside `duration`, it tells a phase that kept both cores busy from one that waited.
    public var cpuTime: Duration?
}

/// A moment inside a phase where another one ended, with the CPU time used by then.
struct PhaseMark: Sendable {
    let instant: ContinuousClock.Instant
    let cpu: Duration?

    static func now() -> PhaseMark { PhaseMark(instant: .now, cpu: ProcessCPU.used()) }
}

/// Wall-clock time and memory per phase.
struct PhaseTimings {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var lastCPU: Duration?
    private(set) var entries: [PhaseTiming] = []

    init() {
        last = clock.now
        lastCPU = ProcessCPU.used()
    }

    /// `phase` ended now, or at `mark` (a step measured inside another).
    mutating func end(_ phase: TimingPhase, at mark: PhaseMark? = nil) {
        let now = mark?.instant ?? clock.now
        let memory = ProcessMemory.current()
        let cpu = mark == nil ? ProcessCPU.used() : mark?.cpu
        let spent = cpu.flatMap { cpu in lastCPU.map { cpu - $0 } }
        entries.append(PhaseTiming(phase: phase, duration: now - last, residentBytes: memory?.resident,
                                   peakResidentBytes: memory?.peak, cpuTime: spent))
        last = now
        lastCPU = cpu
    }
}
