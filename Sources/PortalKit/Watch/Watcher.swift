import Foundation

/// Waits for the watched folders to change: inotify on Linux (one watch per folder, added for
/// folders created later), or polling where inotify is unavailable. Bursts are debounced (an
/// editor's save is several events); the caller then diffs snapshots to see what changed.
/// Not Sendable: one thread owns it and its inotify descriptor.
public final class Watcher {
    public let roots: [String]
    public let debounce: Duration
    private var fd: Int32 = -1
    /// Each watched folder by its watch descriptor, to name the paths events are about.
    private var watched: [Int32: String] = [:]
    /// The folders holding the roots, by watch descriptor, with the roots' names in them: a root
    /// deleted and made again, or replaced by a rename, loses its own watches, and only its
    /// parent sees it come back. Events there about other names (the output folder being
    /// swapped beside `content/`) are not changes.
    private var parents: [Int32: Set<String>] = [:]
    public private(set) var usesPolling = false
    /// After `waitForChange`: the paths the events named (files, or folders created, moved or
    /// removed), for `FileSnapshot.updating`; nil when they are not known (polling, or the
    /// kernel's event queue overflowed) and the folders must be scanned whole.
    public private(set) var changedPaths: Set<String>?

    public init(roots: [String], debounce: Duration = .milliseconds(30)) {
        self.roots = roots
        self.debounce = debounce
        #if os(Linux)
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        #endif
        usesPolling = fd < 0
        refreshWatches()
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    private func refreshWatches() {
        #if os(Linux)
        guard fd >= 0 else { return }
        let mask = UInt32(IN_CREATE | IN_MODIFY | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        // Every folder again: adding a watch that exists only returns its descriptor, and a
        // folder renamed inside the tree keeps its descriptor under its new name.
        var now: [Int32: String] = [:]
        for folder in FileSnapshot.folders(roots) {
            let wd = inotify_add_watch(fd, folder, mask)
            if wd >= 0 { now[wd] = folder }
        }
        var parentsNow: [Int32: Set<String>] = [:]
        for root in roots {
            let url = URL(fileURLWithPath: root)
            let wd = inotify_add_watch(fd, url.deletingLastPathComponent().path,
                                       UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR))
            if wd >= 0 { parentsNow[wd, default: []].insert(url.lastPathComponent) }
        }
        // Watches on folders that left the tree (a root renamed away) would go on reporting
        // changes there under paths that no longer hold them.
        for wd in Set(watched.keys).union(parents.keys) where now[wd] == nil && parentsNow[wd] == nil {
            inotify_rm_watch(fd, wd)
        }
        watched = now
        parents = parentsNow
        #endif
    }

    /// Blocks until something changed and the burst has settled, or `shouldStop` says so.
    /// Returns false when stopped.
    public func waitForChange(shouldStop: () -> Bool) -> Bool {
        changedPaths = nil
        if usesPolling { return pollForChange(shouldStop: shouldStop) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var paths: Set<String>? = []
        var sawEvent = false
        var lastEvent = ContinuousClock.now
        while !shouldStop() {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // After an event, wake exactly when the burst would have settled.
            let wait = sawEvent ? (debounce - (ContinuousClock.now - lastEvent)).seconds : 0.2
            let ready = poll(&p, 1, Int32(max(0, (wait * 1000).rounded(.up))))
            if ready > 0 {
                var newFolder = false
                var relevant = false
                while true {
                    let n = read(fd, &buffer, buffer.count)
                    if n <= 0 { break }
                    for event in Self.events(buffer[..<n]) {
                        if let names = parents[event.watch], watched[event.watch] == nil {
                            // Beside a root: only the root itself coming or going counts, and then
                            // everything under it is scanned again.
                            guard names.contains(event.name) || event.overflow else { continue }
                            paths = nil
                            newFolder = true
                            relevant = true
                            continue
                        }
                        relevant = true
                        // A folder moved or lost events: its old paths are not worth trusting.
                        if event.overflow || event.folderMoved { paths = nil }
                        if event.newFolder || event.folderGone { newFolder = true }
                        if let folder = watched[event.watch] {
                            paths?.insert(event.name.isEmpty ? folder : folder + "/" + event.name)
                        } else {
                            paths = nil
                        }
                    }
                }
                guard relevant else { continue }
                sawEvent = true
                lastEvent = .now
                if newFolder { refreshWatches() }  // new folders need their own watch
            } else if sawEvent, ContinuousClock.now - lastEvent >= debounce {
                changedPaths = paths
                return true
            }
        }
        return false
    }

    /// One inotify event: the folder's watch, the name in it ("" for the folder itself),
    /// whether it announces a new folder (which needs a watch of its own), and whether the
    /// kernel dropped events.
    struct Event: Equatable {
        var watch: Int32
        var name: String
        var newFolder: Bool
        var folderMoved: Bool
        var overflow: Bool
        /// The watched folder itself was deleted or moved away (its watch ends).
        var folderGone: Bool = false
    }

    /// The events in a buffer read from inotify: each is a header (watch, mask, cookie, name
    /// length) followed by the name, padded with NULs.
    static func events(_ bytes: ArraySlice<UInt8>) -> [Event] {
        var out: [Event] = []
        #if os(Linux)
        let header = MemoryLayout<inotify_event>.size
        var offset = bytes.startIndex
        while offset + header <= bytes.endIndex {
            var event = inotify_event()
            withUnsafeMutableBytes(of: &event) { raw in
                for i in 0..<header { raw[i] = bytes[offset + i] }
            }
            let nameStart = offset + header, nameEnd = min(nameStart + Int(event.len), bytes.endIndex)
            let name = bytes[nameStart..<nameEnd].prefix { $0 != 0 }
            out.append(Event(watch: event.wd, name: String(decoding: name, as: UTF8.self),
                             newFolder: event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                             folderMoved: event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_MOVED_FROM | IN_MOVED_TO) != 0,
                             overflow: event.mask & UInt32(IN_Q_OVERFLOW) != 0,
                             folderGone: event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0))
            offset += header + Int(event.len)
        }
        #endif
        return out
    }

    private func pollForChange(shouldStop: () -> Bool) -> Bool {
        var before = FileSnapshot.scan(roots)
        while !shouldStop() {
            Thread.sleep(forTimeInterval: 0.5)
            let now = FileSnapshot.scan(roots)
            if now != before {
                // Settle: wait until two scans agree.
                Thread.sleep(forTimeInterval: debounce.seconds)
                let settled = FileSnapshot.scan(roots)
                if settled == now { return true }
                before = settled
            }
        }
        return false
    }
}
