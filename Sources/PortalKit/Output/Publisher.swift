import Foundation

/// `portal publish DEST`: copies a finished portal to a web root or a file share so that a
/// reader never meets a broken link while it happens. Files are compared with what is there;
/// what changed is written in an order that keeps every page reachable from the home page
/// whole: files that are new first (nothing links to them yet), then changed files other than
/// pages (styles, scripts, data), then changed pages, the home page last, and only then the files
/// the new portal no longer has. Each file is written under a temporary name in its own folder
/// and renamed, so no one reads half a file. Only files portal published there before are ever
/// deleted: they are listed in `DEST/.portal-published`.
public struct Publisher: Sendable {
    public static let manifest = ".portal-published"

    public struct Plan: Sendable, Equatable {
        /// Paths relative to the portal root, in the order they are written.
        public var added: [String] = []
        public var changed: [String] = []
        public var removed: [String] = []
        public var unchanged = 0
    }

    public let source: URL
    public let destination: URL
    public let sourceDisplay: String
    public let destinationDisplay: String

    public init(source: URL, destination: URL, sourceDisplay: String, destinationDisplay: String) {
        self.source = source.standardizedFileURL
        self.destination = destination.standardizedFileURL
        self.sourceDisplay = sourceDisplay
        self.destinationDisplay = destinationDisplay
    }

    /// That `folder` is a portal `portal build` finished (for a folder or a ZIP to be made of it).
    public static func checkFinished(_ folder: URL, display: String) throws(OutputError) {
        guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent(StagedOutputFolder.marker).path) else { return }
        // No folder at all: most likely the portal was built elsewhere (build --output).
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue
        throw OutputError(path: display, exists ? .notFinishedPortal(marker: StagedOutputFolder.marker) : .noPortalToPublish)
    }

    /// What publishing would do; checks both folders first.
    public func plan() throws(OutputError) -> Plan {
        try Self.checkFinished(source, display: sourceDisplay)
        let fm = FileManager.default
        let src = Self.canonical(source), dst = Self.canonical(destination)
        if dst == src || dst.hasPrefix(src + "/") || src.hasPrefix(dst + "/") {
            throw OutputError(path: destinationDisplay, .publishOverlaps(sourceDisplay))
        }
        if dst == "/" || dst == Self.canonical(fm.homeDirectoryForCurrentUser) {
            throw OutputError(path: destinationDisplay, .publishRefused(dst))
        }
        let files = Self.files(in: source).filter { $0 != StagedOutputFolder.marker }
        let published = try publishedBefore()
        var plan = Plan()
        var changedPages: [String] = []
        var home: String?
        for path in files {
            let target = destination.appendingPathComponent(path).path
            guard fm.fileExists(atPath: target) else { plan.added.append(path); continue }
            if fm.contentsEqual(atPath: source.appendingPathComponent(path).path, andPath: target) { plan.unchanged += 1; continue }
            if path == "index.html" { home = path } else if path.hasSuffix(".html") { changedPages.append(path) } else { plan.changed.append(path) }
        }
        plan.changed += changedPages
        if let home { plan.changed.append(home) }
        let kept = Set(files)
        plan.removed = published.filter { !kept.contains($0) }.sorted()
        return plan
    }

    /// Carries the plan out; `afterEachStep` is told each path written or removed (tests check
    /// the destination between steps).
    @discardableResult
    public func publish(afterEachStep: (String) -> Void = { _ in }) throws(OutputError) -> Plan {
        let plan = try plan()
        do {
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            // The manifest first lists old and new together: a publish cut short still knows every
            // file it may delete next time.
            let all = Set(Self.files(in: source).filter { $0 != StagedOutputFolder.marker })
            try writeManifest(all.union(try publishedBefore()))
            for path in plan.added + plan.changed {
                try copy(path)
                afterEachStep(path)
            }
            for path in plan.removed {
                try? FileManager.default.removeItem(at: destination.appendingPathComponent(path))
                removeEmptyFolders(above: path)
                afterEachStep(path)
            }
            try writeManifest(all)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: destinationDisplay, .publishStopped(error.localizedDescription))
        }
        return plan
    }

    private func copy(_ path: String) throws {
        let from = source.appendingPathComponent(path)
        let to = destination.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = to.deletingLastPathComponent().appendingPathComponent(".\(to.lastPathComponent).publish-\(getpid())")
        try? FileManager.default.removeItem(at: temporary)
        try FileManager.default.copyItem(at: from, to: temporary)
        guard rename(temporary.path, to.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(path: destinationDisplay, .cannotPlace(path, reason: reason))
        }
    }

    private func removeEmptyFolders(above path: String) {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            let url = destination.appendingPathComponent(folder)
            guard (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true else { return }
            try? FileManager.default.removeItem(at: url)
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// The files published here before. A destination that holds other files and no list is
    /// refused: it is someone else's folder.
    private func publishedBefore() throws(OutputError) -> [String] {
        let fm = FileManager.default
        let list = destination.appendingPathComponent(Self.manifest)
        if let text = try? String(contentsOf: list, encoding: .utf8) {
            return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.split(separator: "/").contains("..") }
        }
        let entries = (try? fm.contentsOfDirectory(atPath: destination.path)) ?? []
        guard entries.isEmpty else {
            throw OutputError(path: destinationDisplay, .publishNotOurs)
        }
        return []
    }

    private func writeManifest(_ paths: Set<String>) throws {
        let url = destination.appendingPathComponent(Self.manifest)
        let temporary = destination.appendingPathComponent(Self.manifest + ".tmp-\(getpid())")
        try Data((paths.sorted().joined(separator: "\n") + "\n").utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Every regular file under `root`, relative, sorted.
    public static func files(in root: URL) -> [String] {
        let base = root.standardizedFileURL.path
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let path = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDir), !isDir.boolValue { out.append(path) }
        }
        return out.sorted()
    }

    private static func canonical(_ url: URL) -> String {
        var path = url.standardizedFileURL.resolvingSymlinksInPath().path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
