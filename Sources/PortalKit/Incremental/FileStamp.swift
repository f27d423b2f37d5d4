import Foundation

/// What `stat` says of a file: enough to tell it was not touched since it was last seen (size,
/// modification and change times to the nanosecond, inode), as make and git's index do. Watch
/// mode compares snapshots of these, and the loader reuses a page while its stamp is the same.
public struct FileStamp: Sendable, Hashable, Codable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64 = 0, inode: UInt64 = 0) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    init(_ info: stat) {
        self.init(size: Int64(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                  inode: UInt64(info.st_ino))
    }

    /// A regular file's stamp; nil for anything else (a symlink gets none, so it is always read again).
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }
}
