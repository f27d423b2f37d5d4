import Foundation

/// A file's bytes: one buffer, or the pieces a large generated file is made of (search-index.json:
/// tens of megabytes, one piece per document and per term). Kept as pieces, the file is never
/// assembled in memory, and a rebuild that changed one document finds the first piece that differs
/// and rewrites the file from there on: the pieces of unchanged documents and terms are the very
/// buffers of the previous build, so finding it costs a pointer comparison per piece.
public enum FileBody: Sendable {
    case bytes([UInt8])
    case pieces([[UInt8]])
    /// The file at the same path in the output folder as it was before this build (`file`, its
    /// absolute path), which has this stamp: `portal build` knows from its cache that it would
    /// render the same bytes. Staging links it; it is read only if asked for its bytes.
    case previous(file: String, stamp: FileStamp)
    /// Already written where it belongs in the staging folder (`file`, its absolute path), as
    /// it was rendered: a single build streams pages to disk rather than holding them all.
    /// Read only if asked for its bytes.
    case staged(file: String, size: Int)

    /// A large generated file kept as pieces (search-index.json).
    var isPieces: Bool {
        if case .pieces = self { return true }
        return false
    }

    public var count: Int {
        switch self {
        case .bytes(let b): return b.count
        case .pieces(let p): return p.reduce(0) { $0 + $1.count }
        case .previous(_, let stamp): return Int(stamp.size)
        case .staged(_, let size): return size
        }
    }

    /// The bytes in one buffer (tests, small files).
    public var joined: [UInt8] {
        switch self {
        case .bytes(let b): return b
        case .pieces(let p):
            var out: [UInt8] = []
            out.reserveCapacity(count)
            for piece in p { out += piece }
            return out
        case .previous(let file, _), .staged(let file, _):
            return FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
        }
    }

    var pieceList: [[UInt8]] {
        switch self {
        case .bytes(let b): return [b]
        case .pieces(let p): return p
        case .previous, .staged: return [joined]
        }
    }

    /// Where this body starts to differ from `old`: the index of its first piece that is not
    /// the same as `old`'s piece at that index, and that piece's byte offset; nil when both are
    /// the same pieces. Pieces are compared by buffer first, then by bytes.
    func firstChange(since old: FileBody) -> (piece: Int, offset: Int)? {
        let new = pieceList, before = old.pieceList
        var offset = 0
        for i in 0..<min(new.count, before.count) {
            guard Self.same(new[i], before[i]) else { return (i, offset) }
            offset += new[i].count
        }
        return new.count == before.count ? nil : (min(new.count, before.count), offset)
    }

    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                x.baseAddress == y.baseAddress || x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
    }

    /// Writes the pieces from `piece` on at byte `offset` of the open file and, with `cut`, cuts
    /// the file at the body's end (a new, empty file needs no cut). Pieces are gathered into a
    /// buffer of a megabyte, so a body of tiny pieces costs a few dozen system calls.
    /// Nil on success, else the errno.
    func write(to fd: Int32, fromPiece first: Int = 0, offset start: Int = 0, cut: Bool) -> Int32? {
        let pieces = pieceList
        if pieces.count == 1, first == 0, start == 0 {
            if let failure = FileWriting.writeAll(fd, pieces[0]) { return failure }
            return !cut || ftruncate(fd, off_t(pieces[0].count)) == 0 ? nil : errno
        }
        let capacity = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0, offset = start
        func flush() -> Int32? {
            if let failure = FileWriting.writeAll(fd, UnsafeRawBufferPointer(rebasing: buffer[..<filled]), at: offset) { return failure }
            offset += filled
            filled = 0
            return nil
        }
        for piece in pieces[first...] {
            let failure = piece.withUnsafeBytes { bytes -> Int32? in
                if filled + bytes.count > capacity, let failure = flush() { return failure }
                if bytes.count > capacity {
                    if let failure = FileWriting.writeAll(fd, bytes, at: offset) { return failure }
                    offset += bytes.count
                } else if bytes.count > 0 {
                    (buffer.baseAddress! + filled).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
                    filled += bytes.count
                }
                return nil
            }
            if let failure { return failure }
        }
        if let failure = flush() { return failure }
        return !cut || ftruncate(fd, off_t(offset)) == 0 ? nil : errno
    }

    /// Whether the open file, read from where it stands, starts with exactly these bytes (the
    /// caller compares sizes).
    func matches(_ fd: Int32) -> Bool {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        var have = 0, used = 0  // buffer[used..<have]: read from the file, not yet compared
        for piece in pieceList {
            let same = piece.withUnsafeBytes { expected -> Bool in
                var done = 0
                while done < expected.count {
                    if used == have {
                        let n = read(fd, buffer.baseAddress!, buffer.count)
                        if n < 0, errno == EINTR { continue }
                        guard n > 0 else { return false }
                        have = n
                        used = 0
                    }
                    let k = min(have - used, expected.count - done)
                    guard memcmp(buffer.baseAddress! + used, expected.baseAddress! + done, k) == 0 else { return false }
                    used += k
                    done += k
                }
                return true
            }
            if !same { return false }
        }
        return true
    }
}

extension FileBody: Equatable {
    public static func == (a: FileBody, b: FileBody) -> Bool {
        a.count == b.count && (a.firstChange(since: b) == nil || a.joined == b.joined)
    }
}
