import Foundation
@testable import PortalKit

/// A random sequence fixed by its seed (`SplitMix64`), so a failing randomized test can be run
/// again exactly. Tests print the seed; PORTAL_TEST_SEED=N replays one.
struct SeededGenerator: RandomNumberGenerator {
    private var words: SplitMix64
    let seed: UInt64

    init(seed: UInt64) {
        self.seed = seed
        words = SplitMix64(seed: seed)
    }

    /// The seed from PORTAL_TEST_SEED, or `fallback`; printed either way.
    static func forTest(_ name: String, fallback: UInt64) -> SeededGenerator {
        let seed = ProcessInfo.processInfo.environment["PORTAL_TEST_SEED"].flatMap(UInt64.init) ?? fallback
        print("\(name): seed \(seed) (PORTAL_TEST_SEED=\(seed) to replay)")
        return SeededGenerator(seed: seed)
    }

    mutating func next() -> UInt64 { words.next() }
}
