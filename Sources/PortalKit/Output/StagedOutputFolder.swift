import CPortalSystem
import Foundation
import Synchronization

/// Writes a build beside the output folder and swaps it in only when it is complete, so a
/// failed or interrupted build leaves the previous portal exactly as it was.
/// It refuses folders it must never replace: `/`, the home folder, the content or templates
/// folder or one containing them, and a non-empty folder that no portal build made.
public struct StagedOutputFolder: Sendable {
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
            throw OutputError(path: displayPath, .outputRefused(out))
        }
        for folder in protected {
            let p = Self.canonical(folder)
            if p == out || p.hasPrefix(out + "/") {
                throw OutputError(path: displayPath, .outputIsInput(folder.path))
            }
            if out.hasPrefix(p + "/") {
                throw OutputError(path: displayPath, .outputInsideInput(folder.path))
            }
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw OutputError(path: displayPath, .outputNotFolder)
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
            let ours = entries.contains(Self.marker) || entries.allSatisfy { $0 == "README.md" }
            if !ours {
                throw OutputError(path: displayPath, .outputNotOurs)
            }
        }
    }

    private static func canonical(_ url: URL) -> String {
        var path = url.standardizedFileURL.resolvingSymlinksInPath().path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// What a build killed mid-way left beside the output: its staging folder
    /// (`.NAME.staging-PID`) or the old portal it was about to delete (`.NAME.old-PID`, from a
    /// swap by two renames). Run before building: a missing output is restored from the newest
    /// old folder, and the leftovers of processes that are gone are removed. Folders of a build
    /// still running are left alone. Returns what it did, for the user.
    public func recover() -> [String] {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return [] }
        var notes: [String] = []
        var leftovers: [(path: URL, kind: String, pid: Int32)] = []
        for entry in entries.sorted() {
            for kind in ["staging", "old"] {
                let prefix = ".\(name).\(kind)-"
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid > 0,
                      !Self.isRunning(pid) else { continue }
                leftovers.append((parent.appendingPathComponent(entry), kind, pid))
            }
        }
        if !fm.fileExists(atPath: target.path) {
            // The old portal of a swap cut between its two renames: complete, so it is the output.
            let olds = leftovers.filter { $0.kind == "old" && fm.fileExists(atPath: $0.path.appendingPathComponent(Self.marker).path) }
            if let newest = olds.max(by: { Self.modified($0.path) < Self.modified($1.path) }),
               (try? fm.moveItem(at: newest.path, to: target)) != nil {
                notes.append("\(displayPath)/ was missing (a build was interrupted while swapping it); restored the previous portal from \(newest.path.lastPathComponent)")
                leftovers.removeAll { $0.path == newest.path }
            }
        }
        for leftover in leftovers where (try? fm.removeItem(at: leftover.path)) != nil {
            notes.append("removed \(leftover.path.lastPathComponent), left by an interrupted build (process \(leftover.pid))")
        }
        return notes
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// One-shot: stage everything, then swap.
    public func write(_ files: [OutputFile]) throws(OutputError) {
        let staging = try begin()
        do {
            try staging.write(files)
            try staging.commit()
        } catch {
            staging.abort()
            throw error
        }
    }

    /// Starts a staging folder beside the output; files can be written into it while later
    /// phases still run, and nothing is visible until `commit`.
    public func begin() throws(OutputError) -> Staging {
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: displayPath, .cannotStage(error.localizedDescription))
        }
        return Staging(folder: staging, target: target, displayPath: displayPath,
                       hasPrevious: FileManager.default.fileExists(atPath: target.path))
    }

    /// A build being written aside. `write` may be called from any task, one call at a time.
    public final class Staging: Sendable {
        let folder: URL
        let target: URL
        let displayPath: String
        /// Whether an output was there when the build began: a first build has no file to
        /// link, and asking for each one was a failed lstat per file.
        let hasPrevious: Bool
        private let madeFolders = Mutex<Set<String>>([""])
        private let failures = Mutex<[OutputError]>([])
        /// Writes queued by `stageInBackground`, one after another.
        private let writes = DispatchQueue(label: "portal.staging")
        /// Files given to `stageInBackground` and not yet queued: they go to the queue a batch at
        /// a time, since a queue woken for every page (ten thousand wake-ups, each a system call
        /// on the rendering core and a switch on the writing one) cost more than the writing.
        private let pending = Mutex<[OutputFile]>([])
        static let batch = 32

        init(folder: URL, target: URL, displayPath: String, hasPrevious: Bool) {
            self.folder = folder
            self.target = target
            self.displayPath = displayPath
            self.hasPrevious = hasPrevious
        }

        /// Nothing is visible until the swap, so nothing needs syncing file by file.
        public func write(_ files: [OutputFile]) throws(OutputError) {
            for file in files {
                let parent = file.path.components.dropLast().joined(separator: "/")
                // Made under the lock: pages are written from every core at once, and a page
                // must not be written into a folder another core is still making.
                let madeFolder: String? = madeFolders.withLock { made in
                    guard !made.contains(parent) else { return nil }
                    do {
                        try FileManager.default.createDirectory(at: folder.appendingPathComponent(parent), withIntermediateDirectories: true)
                    } catch {
                        return error.localizedDescription
                    }
                    made.insert(parent)
                    return nil
                }
                if let madeFolder { throw OutputError(path: displayPath, .stagingWriteFailed(madeFolder)) }
                let path = folder.path + "/" + file.path.string
                if case .staged(let staged, _) = file.body, staged == path { continue }
                if case .previous(let previous, let stamp) = file.body {
                    // Taken as it is: linked, or the build fails rather than guess its bytes.
                    guard FileStamp(path: previous) == stamp, link(previous, path) == 0 else {
                        throw OutputError(path: displayPath, .outputChanged(file.path.string))
                    }
                    continue
                }
                if hasPrevious, Self.linkUnchanged(target.path + "/" + file.path.string, to: path, body: file.body) { continue }
                if let code = Self.writeFile(path, file.body) {
                    throw OutputError(path: displayPath, .stagingWriteFailed("\(path): \(String(cString: strerror(code)))"))
                }
            }
        }

        /// Writes the files on a thread of its own and answers them as written (`.staged`, their
        /// bytes let go), so that rendering and indexing go on while the disk works: the
        /// render step of a single build hands each page here as soon as it is made. A failure
        /// is kept for `check()`; `drain` waits for the writes.
        public func stageInBackground(_ files: [OutputFile]) -> [OutputFile] {
            let full = pending.withLock { pending -> [OutputFile]? in
                pending += files
                guard pending.count >= Self.batch else { return nil }
                defer { pending = [] }
                return pending
            }
            if let full { queue(full) }
            return files.map { OutputFile(path: $0.path, body: .staged(file: folder.path + "/" + $0.path.string, size: $0.body.count)) }
        }

        private func queue(_ files: [OutputFile]) {
            writes.async {
                do throws(OutputError) {
                    try self.write(files)
                } catch {
                    self.failures.withLock { $0.append(error) }
                }
            }
        }

        /// Returns once every file `stageInBackground` was given is written (or failed).
        public func drain() async {
            let rest = pending.withLock { pending -> [OutputFile] in
                defer { pending = [] }
                return pending
            }
            if !rest.isEmpty { queue(rest) }
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in writes.async { done.resume() } }
        }

        /// The first failure of `stageInBackground`'s writes, if any.
        public func check() throws(OutputError) {
            if let first = failures.withLock({ $0.first }) { throw first }
        }

        /// A file the previous build wrote with the same bytes is linked into the new build
        /// instead of written again: most files of a rebuild are unchanged, and creating tens of
        /// thousands of fresh inodes right after deleting as many is what made writing slow
        /// (ext4 skips recently freed inodes one by one). Any doubt, and the file is written.
        static func linkUnchanged(_ previous: String, to path: String, body: FileBody) -> Bool {
            var info = stat()
            guard lstat(previous, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == body.count else { return false }
            let fd = Glibc.open(previous, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            return body.matches(fd) && link(previous, path) == 0
        }

        /// Nil on success, else the errno.
        private static func writeFile(_ path: String, _ body: FileBody) -> Int32? {
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return errno }
            let failure = body.write(to: fd, cut: false)
            if close(fd) != 0, failure == nil { return errno }
            return failure
        }

        /// Swaps the staged build in with one atomic exchange (Linux `renameat2`), so the
        /// output's name always holds a complete portal: the old one, then the new one. The old
        /// build, now under the staging name, is deleted after; a build killed before that leaves
        /// it for the next run to remove (`recover`). Where the file system cannot exchange,
        /// two renames, as before.
        public func commit() throws(OutputError) {
            try write([OutputFile(path: SitePath(StagedOutputFolder.marker), bytes: [])])
            TestHook.pause(at: "before-swap")
            let fm = FileManager.default
            if fm.fileExists(atPath: target.path) {
                if portal_exchange_paths(folder.path, target.path) == 0 {
                    TestHook.pause(at: "after-swap")
                    try? fm.removeItem(at: folder)
                    return
                }
                guard errno == EINVAL || errno == ENOSYS || errno == EXDEV else {
                    let reason = String(cString: strerror(errno))
                    abort()
                    throw OutputError(path: displayPath, .swapFailed(reason, untouched: true))
                }
            }
            let retired = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
            do {
                if fm.fileExists(atPath: target.path) {
                    try fm.moveItem(at: target, to: retired)
                }
                TestHook.pause(at: "between-renames")
                try fm.moveItem(at: folder, to: target)
            } catch {
                if !fm.fileExists(atPath: target.path), fm.fileExists(atPath: retired.path) {
                    try? fm.moveItem(at: retired, to: target)
                }
                abort()
                throw OutputError(path: displayPath, .swapFailed(error.localizedDescription, untouched: false))
            }
            try? fm.removeItem(at: retired)
        }

        /// Drops the staged build; the output was never touched.
        public func abort() {
            // Writes still queued would make the folder again after it is removed.
            writes.sync {}
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
