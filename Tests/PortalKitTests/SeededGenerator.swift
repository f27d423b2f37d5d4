import Foundation

/// SplitMix64: a random sequence fixed by its seed, so a failing randomized test can be run
/// again exactly. Tests print the seed; PORTAL_TEST_SEED=N replays one.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    let seed: UInt64

    init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// The seed from PORTAL_TEST_SEED, or `fallback`; printed either way.
    static func forTest(_ name: String, fallback: UInt64) -> SeededGenerator {
        let seed = ProcessInfo.processInfo.environment["PORTAL_TEST_SEED"].flatMap(UInt64.init) ?? fallback
        print("\(name): seed \(seed) (PORTAL_TEST_SEED=\(seed) to replay)")
        return SeededGenerator(seed: seed)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
