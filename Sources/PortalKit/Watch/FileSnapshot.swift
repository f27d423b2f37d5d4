import Foundation

/// What the watched folders hold at one moment: each file's stamp. Change detection is a pure
/// diff of two snapshots, so it is tested without waiting on the disk; the build reuses the same
/// stamps to know which pages it need not read again.
public struct FileSnapshot: Sendable, Equatable {
    public var files: [String: FileStamp]

    public init(files: [String: FileStamp] = [:]) {
        self.files = files
    }

    /// Scans folders recursively; paths are `root/relative` as the roots are given.
    public static func scan(_ roots: [String]) -> FileSnapshot {
        var files: [String: FileStamp] = [:]
        for root in roots {
            walk(root) { path, info in files[path] = FileStamp(info) }
        }
        return FileSnapshot(files: files)
    }

    /// The snapshot with `paths` looked at again (what the watcher's events named), and what
    /// changed there: a path that is a file is stamped afresh, a folder walked whole, and what
    /// was known at or under a path and is no longer there is dropped. Equal to a fresh scan
    /// when the paths cover every change, at the cost of a few `stat` calls instead of one per
    /// file of the site.
    public func updating(_ paths: Set<String>) -> (snapshot: FileSnapshot, changes: ChangeSet) {
        var files = self.files
        var seen: [String: FileStamp] = [:]
        var looked: [String] = []
        for path in paths.sorted() {
            looked.append(path)
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard !ContentFolder.isIgnored(name) else { continue }
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                Self.walk(path) { file, info in seen[file] = FileStamp(info) }
            } else if (info.st_mode & S_IFMT) != S_IFLNK || (stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR) {
                seen[path] = FileStamp(info)
            }
        }
        var changes = ChangeSet()
        for (path, stamp) in seen {
            if let before = files[path] {
                if before != stamp { changes.modified.append(path) }
            } else {
                changes.added.append(path)
            }
            files[path] = stamp
        }
        // Known files at or under a looked-at path that were not seen again are gone.
        let knownAtPaths = looked.filter { files[$0] != nil && seen[$0] == nil }
        for path in knownAtPaths {
            files[path] = nil
            changes.removed.append(path)
        }
        let folders = looked.filter { files[$0] == nil }.map { $0 + "/" }
        if !folders.isEmpty {
            for path in files.keys where seen[path] == nil && folders.contains(where: { path.hasPrefix($0) }) {
                changes.removed.append(path)
            }
            for path in changes.removed { files[path] = nil }
        }
        changes.added.sort()
        changes.modified.sort()
        changes.removed.sort()
        return (FileSnapshot(files: files), changes)
    }

    /// All folders under the roots (for inotify, whose watches are not recursive).
    public static func folders(_ roots: [String]) -> [String] {
        var out = roots
        for root in roots { walk(root, folder: { out.append($0) }) }
        return out
    }

    /// Every file (followed through symlinks, as the build reads them) and folder under `folder`,
    /// skipping what the build ignores. readdir and stat directly: FileManager's enumerator
    /// made a 10,000-page rebuild wait a tenth of a second before it started.
    private static func walk(_ folder: String, file: (String, stat) -> Void = { _, _ in }, folder found: (String) -> Void = { _ in }) {
        guard let handle = opendir(folder) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = entry.pointee.name
            if name == "." || name == ".." || ContentFolder.isIgnored(name) { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                found(path)
                walk(path, file: file, folder: found)
            } else if (info.st_mode & S_IFMT) == S_IFLNK {
                // A link is stamped by what it points to; a linked folder is not entered (no loops).
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { continue }
                file(path, info)
            } else {
                file(path, info)
            }
        }
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

    /// What changed, for the console line of the rebuild it caused: "content/guidance/a.md
    /// changed" or "3 files changed" ("content/guidance/a.md が変わりました" in Japanese), paths
    /// shown relative to `base` (the current folder) when they lie under it.
    public func summary(relativeTo base: String = "", language: MessageLanguage = .en) -> String {
        let paths = all
        guard paths.count == 1 else {
            return language == .ja ? "\(paths.count) 個のファイルが変わりました" : "\(paths.count) files changed"
        }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        let shown = !base.isEmpty && paths[0].hasPrefix(prefix) ? String(paths[0].dropFirst(prefix.count)) : paths[0]
        if language == .ja {
            return "\(shown) が" + (added.isEmpty ? (removed.isEmpty ? "変わりました" : "削除されました") : "追加されました")
        }
        return "\(shown) " + (added.isEmpty ? (removed.isEmpty ? "changed" : "removed") : "added")
    }
}
