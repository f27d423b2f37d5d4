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
        var d = StableDigestStream()
        bytes.withUnsafeBytes { d.add($0) }
        return d.finish()
    }

    static func load(_ url: URL) -> Loaded {
        guard var all = readWhole(url.path) else { return .missing }
        guard all.count >= 16 else { return .damaged }
        let sum = checksum(all[..<(all.count - 16)])
        var a: UInt64 = 0, b: UInt64 = 0
        for i in 0..<8 {
            a |= UInt64(all[all.count - 16 + i]) << (8 * UInt64(i))
            b |= UInt64(all[all.count - 8 + i]) << (8 * UInt64(i))
        }
        guard sum == StableDigest(a: a, b: b) else { return .damaged }
        all.removeLast(16)
        return .bytes(all)
    }

    /// The file's bytes read straight into one array (no Data in between: the page cache is
    /// a hundred megabytes at 10,000 pages).
    private static func readWhole(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            failed = done != size
            count = done
        }
        return failed ? nil : bytes
    }

    /// Written aside and renamed into place, so a reader sees the old file or the new one.
    static func store(_ bytes: [UInt8], at url: URL) {
        store(parts: [bytes[...]], at: url)
    }

    /// The parts one after another, then their checksum: written part by part, never joined.
    static func store(parts: [ArraySlice<UInt8>], at url: URL) {
        guard var writer = Writer(url) else { return }
        writer.append(parts)
        writer.commit()
    }

    /// A cache file written as its bytes come, checksummed on the way (a hundred megabytes of
    /// pages need not be in memory at once), then renamed into place; or removed, old and new,
    /// if anything failed.
    struct Writer {
        private let url: URL
        private let temporary: URL
        private let fd: Int32
        private var sum = StableDigestStream()
        private var ok = true

        init?(_ url: URL) {
            self.url = url
            temporary = url.appendingPathExtension("tmp-\(getpid())")
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                try? FileManager.default.removeItem(at: url)
                return nil
            }
        }

        mutating func append(_ parts: [ArraySlice<UInt8>]) {
            for part in parts where ok {
                part.withUnsafeBytes { sum.add($0) }
                ok = CacheFile.writeAll(fd, part)
            }
        }

        /// The checksum written, the file closed and renamed into place.
        consuming func commit() {
            let digest = sum.finish()
            var trailer: [UInt8] = []
            for lane in [digest.a, digest.b] { for i in 0..<8 { trailer.append(UInt8(truncatingIfNeeded: lane >> (8 * UInt64(i)))) } }
            ok = ok && CacheFile.writeAll(fd, trailer[...])
            if close(fd) != 0 { ok = false }
            if !ok || rename(temporary.path, url.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    fileprivate static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
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
