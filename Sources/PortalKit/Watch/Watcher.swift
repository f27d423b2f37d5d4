import Foundation

/// Waits for the watched folders to change: inotify on Linux (one watch per folder, added for
/// folders created later), or polling where inotify is unavailable. Bursts are debounced (an
/// editor's save is several events); the caller then diffs snapshots to see what changed.
/// Not Sendable: one thread owns it and its inotify descriptor.
public final class Watcher {
    public let roots: [String]
    public let debounce: Duration
    private var fd: Int32 = -1
    private var watched: Set<String> = []
    public private(set) var usesPolling = false

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
        let mask = UInt32(IN_CREATE | IN_MODIFY | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF)
        for folder in FileSnapshot.folders(roots) where !watched.contains(folder) {
            if inotify_add_watch(fd, folder, mask) >= 0 { watched.insert(folder) }
        }
        #endif
    }

    /// Blocks until something changed and the burst has settled, or `shouldStop` says so.
    /// Returns false when stopped.
    public func waitForChange(shouldStop: () -> Bool) -> Bool {
        if usesPolling { return pollForChange(shouldStop: shouldStop) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var sawEvent = false
        var lastEvent = ContinuousClock.now
        while !shouldStop() {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, sawEvent ? 10 : 200)
            if ready > 0 {
                var newFolder = false
                while true {
                    let n = read(fd, &buffer, buffer.count)
                    if n <= 0 { break }
                    newFolder = newFolder || Self.announcesFolder(buffer[..<n])
                }
                sawEvent = true
                lastEvent = .now
                if newFolder { refreshWatches() }  // new folders need their own watch
            } else if sawEvent, ContinuousClock.now - lastEvent >= debounce {
                return true
            }
        }
        return false
    }

    /// Whether a batch of inotify events has a folder created or moved in. Each event is a
    /// header (watch, mask, cookie, name length) followed by the name.
    static func announcesFolder(_ events: ArraySlice<UInt8>) -> Bool {
        #if os(Linux)
        let header = MemoryLayout<inotify_event>.size
        var offset = events.startIndex
        while offset + header <= events.endIndex {
            var event = inotify_event()
            withUnsafeMutableBytes(of: &event) { raw in
                for i in 0..<header { raw[i] = events[offset + i] }
            }
            if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { return true }
            offset += header + Int(event.len)
        }
        #endif
        return false
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
