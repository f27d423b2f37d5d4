import Foundation

/// Lets a process test stop a build at a named step and kill it there, to prove the output
/// survives (`PORTAL_TEST_PAUSE=after-swap portal build`). Unset, it does nothing.
enum TestHook {
    static func pause(at step: String) {
        guard ProcessInfo.processInfo.environment["PORTAL_TEST_PAUSE"] == step else { return }
        FileHandle.standardError.write(Data("portal: paused at \(step)\n".utf8))
        while true { sleep(3600) }
    }
}
