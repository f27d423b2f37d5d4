import Foundation

/// What the watched folders hold at one moment: each file's size and modification time.
/// Change detection is a pure diff of two snapshots, so it is tested without waiting on the disk.
public struct FileSnapshot: Sendable, Equatable {
    public struct Stamp: Sendable, Equatable {
        public var size: Int64
        public var modified: Int64  // nanoseconds
    }

    public var files: [String: Stamp]

    public init(files: [String: Stamp] = [:]) {
        self.files = files
    }

    /// Scans folders recursively; paths are `root/relative` as the roots are given.
    public static func scan(_ roots: [String]) -> FileSnapshot {
        var files: [String: Stamp] = [:]
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if ContentFolder.isIgnored(name) {
                    if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                    continue
                }
                let path = root + "/" + relative
                var info = stat()
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { continue }
                files[path] = Stamp(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
            }
        }
        return FileSnapshot(files: files)
    }

    /// All folders under the roots (for inotify, whose watches are not recursive).
    public static func folders(_ roots: [String]) -> [String] {
        var out = roots
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                    if ContentFolder.isIgnored((relative as NSString).lastPathComponent) { walker.skipDescendants(); continue }
                    out.append(root + "/" + relative)
                }
            }
        }
        return out
    }
}

/// What changed between two snapshots. A rename is a removal and an addition.
public struct ChangeSet: Sendable, Equatable {
    public var added: [String] = []
    public var modified: [String] = []
    public var removed: [String] = []

    public init(added: [String] = [], modified: [String] = [], removed: [String] = []) {
        self.added = added
        self.modified = modified
        self.removed = removed
    }

    public static func between(_ old: FileSnapshot, _ new: FileSnapshot) -> ChangeSet {
        var c = ChangeSet()
        for (path, stamp) in new.files {
            if let before = old.files[path] {
                if before != stamp { c.modified.append(path) }
            } else {
                c.added.append(path)
            }
        }
        for path in old.files.keys where new.files[path] == nil { c.removed.append(path) }
        c.added.sort()
        c.modified.sort()
        c.removed.sort()
        return c
    }

    public var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }
    public var all: [String] { (added + modified + removed).sorted() }

    /// What kind of rebuild the change calls for: `site.yml` touches every page, a template every
    /// page that uses it, a page itself and the pages around it.
    public enum Kind: String, Sendable, Equatable, Comparable {
        case content, templates, config

        public static func < (a: Kind, b: Kind) -> Bool {
            let order: [Kind] = [.content, .templates, .config]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public func kind(contentRoot: String, templatesRoot: String) -> Kind? {
        guard !isEmpty else { return nil }
        var kind = Kind.content
        for path in all {
            if path == contentRoot + "/site.yml" { return .config }
            if path.hasPrefix(templatesRoot + "/") { kind = max(kind, .templates) }
        }
        return kind
    }

    /// One line for the console: "content/guidance/a.md changed" or "3 files changed", paths
    /// shown relative to `base` (the current folder) when they lie under it.
    public func summary(relativeTo base: String = "") -> String {
        let paths = all
        if paths.count == 1 {
            let verb = added.isEmpty ? (removed.isEmpty ? "changed" : "removed") : "added"
            let prefix = base.hasSuffix("/") ? base : base + "/"
            let shown = !base.isEmpty && paths[0].hasPrefix(prefix) ? String(paths[0].dropFirst(prefix.count)) : paths[0]
            return "\(shown) \(verb)"
        }
        return "\(paths.count) files changed"
    }
}
