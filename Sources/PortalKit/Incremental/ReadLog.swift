import Foundation
import Synchronization

/// The digest of every content file a build read, as it read it: what the pages other than
/// guidance were made from, recorded for the build cache. Digests are of the very bytes loaded,
/// so a file changed while the build ran cannot be recorded as its newer self.
final class ReadLog: Sendable {
    private let digests = Mutex<[String: StableDigest]>([:])

    func record(_ relative: String, _ data: Data) {
        var d = StableDigest()
        data.withUnsafeBytes { d.add($0) }
        digests.withLock { $0[relative] = d }
    }

    /// By path relative to the content folder.
    var all: [String: StableDigest] { digests.withLock { $0 } }
}
