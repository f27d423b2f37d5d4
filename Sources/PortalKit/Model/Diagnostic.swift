/// One problem found in the content, reported like a compiler does: `path:line:col: error: message`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

    public var severity: Severity
    public var phase: BuildPhase
    /// Path as the user gave it (e.g. `content/guidance/a.md`).
    public var path: String
    public var line: Int?
    public var column: Int?
    /// In English (with a catalogued message, its English text without the id).
    public var message: String
    /// When the message is in the catalogue: its id and arguments, for the reader's language.
    public var catalogued: Message?

    public init(_ severity: Severity, _ phase: BuildPhase, path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.phase = phase
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public init(_ severity: Severity, _ phase: BuildPhase, path: String, line: Int? = nil, column: Int? = nil, _ message: Message) {
        self.init(severity, phase, path: path, line: line, column: column, message.text(.en))
        catalogued = message
    }

    public static func error(_ phase: BuildPhase, path: String, line: Int? = nil, column: Int? = nil, _ message: Message) -> Diagnostic {
        Diagnostic(.error, phase, path: path, line: line, column: column, message)
    }

    public static func warning(_ phase: BuildPhase, path: String, line: Int? = nil, column: Int? = nil, _ message: Message) -> Diagnostic {
        Diagnostic(.warning, phase, path: path, line: line, column: column, message)
    }

    public var description: String { text(.en) }

    /// `path:line:col: error: message [E0105]`, the severity and message in `language` (the
    /// location and the id as they are, for editors' tools).
    public func text(_ language: MessageLanguage) -> String {
        var location = path
        if let line {
            location += ":\(line)"
            location += ":\(column ?? 1)"
        }
        let label = switch (severity, language) {
        case (.error, .ja): "エラー"
        case (.warning, .ja): "警告"
        default: severity.rawValue
        }
        let text = catalogued.map { $0.text(language) + " [\($0.id)]" } ?? message
        return "\(location): \(label): \(text)"
    }

    /// Reported in file order, then line order, so a run's output is stable.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line ?? 0, a.column ?? 0, a.message) < (b.path, b.line ?? 0, b.column ?? 0, b.message)
    }
}

/// The phases of a build, named in progress output and carried by every diagnostic.
public enum BuildPhase: String, Sendable, Hashable, Codable, CaseIterable {
    case load, validate, render, index, write
}

/// Thrown when a phase found errors; carries all of them, not just the first.
public struct BuildFailure: Error, Sendable, Equatable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// Collects diagnostics through a phase.
public struct DiagnosticLog: Sendable {
    public private(set) var entries: [Diagnostic] = []

    public init() {}

    public mutating func add(_ d: Diagnostic) { entries.append(d) }
    public mutating func add(contentsOf ds: [Diagnostic]) { entries.append(contentsOf: ds) }
    public var hasErrors: Bool { entries.contains { $0.severity == .error } }
    /// Whether an error was added after the first `mark` entries (`entries.count` taken before
    /// a step): the step's own mistakes, not those of steps before it.
    public func hasErrors(since mark: Int) -> Bool { entries[mark...].contains { $0.severity == .error } }
    public var warnings: [Diagnostic] { entries.filter { $0.severity == .warning } }

    /// Ends a phase: throws everything so far if any of it is an error.
    public func check() throws(BuildFailure) {
        if hasErrors { throw BuildFailure(entries) }
    }
}
