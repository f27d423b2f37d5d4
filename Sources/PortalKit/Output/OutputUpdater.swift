import Foundation

/// Watch mode's writer: brings an output folder this process built up to date by writing only
/// the files whose bytes changed and deleting those no longer built. It runs only after a build
/// succeeded in memory, so a build with errors writes nothing; `portal build` always stages the
/// whole portal and swaps it in instead. Each changed file (but search-index.json, see below) is
/// written whole under a temporary name in its own folder and renamed over the old one: a reader
/// (or a watch killed mid-update) sees the old page or the new one, never half of one.
enum OutputUpdater {
    /// Answers how many files were written or deleted. `previous` is the last build's files in
    /// the order it gave them: a rebuild usually gives the same paths in the same order, which
    /// is checked side by side; only when they differ are paths looked up by name.
    static func update(_ target: URL, displayPath: String, from previous: [OutputFile], to files: [OutputFile]) throws(OutputError) -> Int {
        var changes = 0
        let samePaths = previous.count == files.count && zip(previous, files).allSatisfy { $0.path == $1.path }
        let earlier: [SitePath: FileBody] = samePaths ? [:] : Dictionary(previous.map { ($0.path, $0.body) }, uniquingKeysWith: { a, _ in a })
        for (i, file) in files.enumerated() {
            // A file of pieces is patched from its first changed piece on.
            var from = (piece: 0, offset: 0)
            if let old = samePaths ? previous[i].body : earlier[file.path] {
                guard let change = file.body.firstChange(since: old) else { continue }
                from = change
            }
            let path = target.path + "/" + file.path.string
            // The one exception: search-index.json (a file of pieces, 70 MB at 10,000 pages, read
            // by other tools, never by a page) is patched in place from its first changed block;
            // rewriting it whole on every save tripled watch's time. A watch killed mid-write can
            // leave it cut; the next build writes it whole.
            let code = file.body.isPieces ? overwrite(path, file.body, from: from) : replace(path, file.body)
            if let code {
                throw OutputError(path: displayPath, .updateFailed(file.path.string, reason: String(cString: strerror(code))))
            }
            changes += 1
        }
        if samePaths { return changes }
        let kept = Set(files.map(\.path))
        for path in previous.map(\.path) where !kept.contains(path) {
            unlink(target.path + "/" + path.string)
            changes += 1
            // Folders left empty go too, as a full build would not make them.
            var folder = path.components.dropLast()
            while !folder.isEmpty, rmdir(target.path + "/" + folder.joined(separator: "/")) == 0 { folder = folder.dropLast() }
        }
        return changes
    }

    /// Writes `body` beside `path` and renames it into place. Nil on success, else the errno.
    private static func replace(_ path: String, _ body: FileBody) -> Int32? {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        var fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { return errno }
        var failure = body.write(to: fd, cut: false)
        if close(fd) != 0, failure == nil { failure = errno }
        TestHook.pause(at: "mid-update")
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if failure != nil { unlink(temporary) }
        return failure
    }

    /// In place, from `from` on. Nil on success, else the errno.
    private static func overwrite(_ path: String, _ body: FileBody, from: (piece: Int, offset: Int)) -> Int32? {
        var fd = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            fd = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return body.write(to: fd, fromPiece: from.piece, offset: from.offset, cut: true)
    }
}
