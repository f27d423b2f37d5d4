import Foundation

/// Watch mode's writer: brings an output folder this process built up to date by writing only
/// the files whose bytes changed and deleting those no longer built. It runs only after a build
/// succeeded in memory, so a build with errors writes nothing; `portal build` always stages the
/// whole portal and swaps it in instead. Files are overwritten in place: rewriting an existing
/// file keeps its blocks and cached pages, where a new file (as staging needs) costs far more
/// when thousands change at once.
enum OutputUpdater {
    /// Answers how many files were written or deleted.
    static func update(_ target: URL, displayPath: String, from previous: [SitePath: [UInt8]], to files: [OutputFile]) throws(OutputError) -> Int {
        var changes = 0
        var kept = Set<SitePath>()
        kept.reserveCapacity(files.count)
        for file in files {
            kept.insert(file.path)
            if let old = previous[file.path], same(old, file.bytes) { continue }
            let path = target.path + "/" + file.path.string
            if let code = overwrite(path, file.bytes) {
                throw OutputError(path: displayPath, message: "updating the output failed at \(file.path.string): \(String(cString: strerror(code))); the next build will write it whole")
            }
            changes += 1
        }
        for path in previous.keys where !kept.contains(path) {
            unlink(target.path + "/" + path.string)
            changes += 1
            // Folders left empty go too, as a full build would not make them.
            var folder = path.components.dropLast()
            while !folder.isEmpty, rmdir(target.path + "/" + folder.joined(separator: "/")) == 0 { folder = folder.dropLast() }
        }
        return changes
    }

    /// The same bytes: usually the very same buffer (a page reused from the last build).
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                x.baseAddress == y.baseAddress || x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
    }

    /// Nil on success, else the errno.
    private static func overwrite(_ path: String, _ bytes: [UInt8]) -> Int32? {
        var fd = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            fd = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        var failure = FileWriting.writeAll(fd, bytes)
        if failure == nil, ftruncate(fd, off_t(bytes.count)) != 0 { failure = errno }
        return failure
    }
}
