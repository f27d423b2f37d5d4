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

    public init(roots: [String], debounce: Duration = .milliseconds(150)) {
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
            let ready = poll(&p, 1, 50)
            if ready > 0 {
                while read(fd, &buffer, buffer.count) > 0 {}
                sawEvent = true
                lastEvent = .now
                refreshWatches()  // new folders need their own watch
            } else if sawEvent, ContinuousClock.now - lastEvent >= debounce {
                return true
            }
        }
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
