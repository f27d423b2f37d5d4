import Foundation

/// How a cache file is stored: its bytes, then a 16-byte checksum of them (`StableDigest`, two
/// 64-bit lanes), written aside and renamed into place. A file whose checksum does not match
/// (a flipped bit, a truncated write, a disk that lies) is never read: each step of the digest
/// is a bijection of its state, so any change to one word of the bytes, or to their length,
/// changes the checksum.
enum CacheFile {
    enum Loaded {
        case missing
        case damaged
        case bytes([UInt8])
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> StableDigest {
        var d = StableDigest()
        bytes.withUnsafeBytes { d.add($0) }
        return d
    }

    static func load(_ url: URL) -> Loaded {
        guard let data = FileManager.default.contents(atPath: url.path) else { return .missing }
        let all = Array(data)
        guard all.count >= 16 else { return .damaged }
        let body = all[..<(all.count - 16)]
        let sum = checksum(body)
        var a: UInt64 = 0, b: UInt64 = 0
        for i in 0..<8 {
            a |= UInt64(all[all.count - 16 + i]) << (8 * UInt64(i))
            b |= UInt64(all[all.count - 8 + i]) << (8 * UInt64(i))
        }
        return sum == StableDigest(a: a, b: b) ? .bytes(Array(body)) : .damaged
    }

    /// Written aside and renamed into place, so a reader sees the old file or the new one.
    static func store(_ bytes: [UInt8], at url: URL) {
        let sum = checksum(bytes[...])
        var out = bytes
        for lane in [sum.a, sum.b] { for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: lane >> (8 * UInt64(i)))) } }
        let temporary = url.appendingPathExtension("tmp-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(out).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// The bytes of a cache file that is there and whole; a damaged one adds a note for the user.
    static func bytes(_ url: URL, notes: inout [String]) -> [UInt8]? {
        switch load(url) {
        case .missing: return nil
        case .damaged: notes.append(damagedNote(url)); return nil
        case .bytes(let b): return b
        }
    }

    /// What the user is told when a damaged cache is set aside.
    static func damagedNote(_ url: URL) -> String {
        "the build cache \(url.lastPathComponent) failed its checksum (damaged on disk?); it was ignored and everything was built afresh"
    }
}
