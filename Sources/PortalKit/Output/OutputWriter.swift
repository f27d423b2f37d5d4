import Synchronization

/// Where a build's files go: a folder on disk (staged, then swapped in) or memory for tests.
public protocol OutputWriter: Sendable {
    func write(_ files: [OutputFile]) throws(OutputError)
}

public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }
}

/// Keeps the files in memory; tests read them back without touching the disk.
public final class MemoryOutput: OutputWriter {
    private let stored = Mutex<[SitePath: [UInt8]]>([:])

    public init() {}

    public func write(_ files: [OutputFile]) throws(OutputError) {
        stored.withLock { for f in files { $0[f.path] = f.bytes } }
    }

    public var files: [SitePath: [UInt8]] { stored.withLock { $0 } }

    public func text(_ path: String) -> String? {
        files[SitePath(path)].map { String(decoding: $0, as: UTF8.self) }
    }
}
