import Foundation
import Synchronization

/// Writes a build beside the output folder and swaps it in only when it is complete, so a
/// failed or interrupted build leaves the previous portal exactly as it was.
/// It refuses folders it must never replace: `/`, the home folder, the content or templates
/// folder or one containing them, and a non-empty folder that no portal build made.
public struct StagedOutputFolder: OutputWriter {
    /// Written into every output, so a later build knows the folder is its own to replace.
    public static let marker = ".portal-output"

    public let target: URL
    public let displayPath: String

    public init(target: URL, displayPath: String) {
        self.target = target.standardizedFileURL
        self.displayPath = displayPath
    }

    /// Checks before any work is done; `protected` are the folders the build reads from.
    public func checkSafe(protecting protected: [URL]) throws(OutputError) {
        let out = Self.canonical(target)
        if out == "/" || out == Self.canonical(FileManager.default.homeDirectoryForCurrentUser) {
            throw OutputError(path: displayPath, message: "refusing to use '\(out)' as the output folder")
        }
        for folder in protected {
            let p = Self.canonical(folder)
            if p == out || p.hasPrefix(out + "/") {
                throw OutputError(path: displayPath, message: "refusing to use this output folder: it is or contains \(folder.path), which the build reads from")
            }
            if out.hasPrefix(p + "/") {
                throw OutputError(path: displayPath, message: "the output folder must not be inside \(folder.path), which the build reads from")
            }
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw OutputError(path: displayPath, message: "exists and is not a folder")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
            let ours = entries.contains(Self.marker) || entries.allSatisfy { $0 == "README.md" }
            if !ours {
                throw OutputError(path: displayPath, message: "is a folder that portal did not create; it is not replaced. Choose an empty or new folder with --output")
            }
        }
    }

    struct WriteError: Error, LocalizedError {
        var path: String
        var code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Plain POSIX writes on every core: Foundation's `Data.write` also syncs each file, which
    /// costs more than the whole render at 10,000 pages. Nothing is visible until the swap anyway.
    static func writeAll(_ files: [OutputFile], into folder: String) throws {
        let failures = Mutex<[WriteError]>([])
        let workers = 1
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for i in stride(from: worker, to: files.count, by: workers) {
                let path = folder + "/" + files[i].path.string
                let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard fd >= 0 else {
                    let code = errno
                    failures.withLock { $0.append(WriteError(path: path, code: code)) }
                    return
                }
                var ok = true
                files[i].bytes.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                        if n < 0 {
                            if errno == EINTR { continue }
                            ok = false
                            break
                        }
                        offset += n
                    }
                }
                let code = errno
                if close(fd) != 0 || !ok {
                    failures.withLock { $0.append(WriteError(path: path, code: ok ? errno : code)) }
                    return
                }
            }
        }
        if let first = failures.withLock({ $0.first }) { throw first }
    }

    private static func canonical(_ url: URL) -> String {
        var path = url.standardizedFileURL.resolvingSymlinksInPath().path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    public func write(_ files: [OutputFile]) throws(OutputError) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        let retired = parent.appendingPathComponent(".\(name).old-\(getpid())")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: displayPath, message: "cannot create a staging folder beside the output: \(error.localizedDescription)")
        }
        do {
            var made: Set<String> = [""]
            for file in files {
                let folder = file.path.components.dropLast().joined(separator: "/")
                if !made.contains(folder) {
                    try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                    made.insert(folder)
                }
            }
            try Self.writeAll(files + [OutputFile(path: SitePath(Self.marker), bytes: [])], into: staging.path)
        } catch {
            try? fm.removeItem(at: staging)
            throw OutputError(path: displayPath, message: "writing the new portal failed, the previous output is untouched: \(error.localizedDescription)")
        }
        do {
            if fm.fileExists(atPath: target.path) {
                try fm.moveItem(at: target, to: retired)
            }
            try fm.moveItem(at: staging, to: target)
        } catch {
            if !fm.fileExists(atPath: target.path), fm.fileExists(atPath: retired.path) {
                try? fm.moveItem(at: retired, to: target)
            }
            try? fm.removeItem(at: staging)
            throw OutputError(path: displayPath, message: "could not swap in the new portal: \(error.localizedDescription)")
        }
        try? fm.removeItem(at: retired)
    }
}
