/// A 128-bit digest that is the same in every run (Swift's `Hasher` is seeded per process), for
/// the build cache to tell whether what a page is rendered from changed since the last build.
/// Eight bytes at a time through two multiply–xor-shift lanes: fast enough to digest every page
/// of a ten-thousand-page site in a few milliseconds. Not meant to withstand an adversary: the
/// cache only ever compares a page with its own earlier self.
struct StableDigest: Sendable, Hashable, Codable {
    private(set) var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private(set) var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    init() {}

    init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }

    @inline(__always)
    fileprivate mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0xFF51_AFD7_ED55_8CCD
        a ^= a >> 32
        b = (b ^ (word &+ 0x632B_E59B_D9B4_E019)) &* 0xC4CE_B9FE_1A85_EC53
        b ^= b >> 29
    }

    mutating func add(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ value: Bool) { mix(value ? 1 : 2) }

    /// The length goes first, so "ab"+"c" and "a"+"bc" differ.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var i = 0
        while i + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            last |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        mix(last)
    }

    mutating func add(_ other: StableDigest?) {
        guard let other else { return mix(0) }
        mix(other.a)
        mix(other.b)
    }

    /// This digest followed by `other` (the layout a page was rendered in, say).
    func combined(with other: StableDigest?) -> StableDigest {
        var d = self
        d.add(other)
        return d
    }

    mutating func add(_ texts: [String]) {
        add(texts.count)
        for t in texts { add(t) }
    }
}

/// A digest of bytes that arrive in parts, the same however they are cut: the words of the
/// bytes, then the last partial word and the length (which comes last, so that a file can be
/// checksummed as it is written without knowing its size first).
struct StableDigestStream {
    private var digest = StableDigest()
    private var pending: UInt64 = 0
    private var pendingBytes = 0
    private var length = 0

    init() {}

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        length += bytes.count
        var i = 0
        // Finish a word begun by the last part, then whole words, then keep the rest.
        while pendingBytes > 0, pendingBytes < 8, i < bytes.count {
            pending |= UInt64(bytes[i]) << (8 * UInt64(pendingBytes))
            pendingBytes += 1
            i += 1
        }
        if pendingBytes == 8 {
            digest.mix(pending)
            pending = 0
            pendingBytes = 0
        }
        while i + 8 <= bytes.count {
            digest.mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        while i < bytes.count {
            pending |= UInt64(bytes[i]) << (8 * UInt64(pendingBytes))
            pendingBytes += 1
            i += 1
        }
    }

    func finish() -> StableDigest {
        var d = digest
        d.mix(pending)
        d.mix(UInt64(length))
        return d
    }
}
