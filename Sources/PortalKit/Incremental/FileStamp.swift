import Foundation

/// What `lstat` says of a file: enough to tell it was not touched since the last build (size,
/// modification and change times to the nanosecond, inode), as make and git's index do.
/// A symlink gets no stamp, so it is always read again.
struct FileStamp: Sendable, Equatable {
    var size: Int64
    var modified: Int64
    var changed: Int64
    var inode: UInt64

    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }
}

/// A guidance page as the last build loaded it, reused while its file's stamp is the same.
struct LoadedPageMemo: Sendable {
    var stamp: FileStamp
    var page: GuidancePage?
    var diagnostics: [Diagnostic]
}
