/// A small binary format for the build cache: integers as LEB128 varints (zig-zag for signed),
/// strings as a length and UTF-8 bytes. Reading never traps: anything malformed throws, and the
/// cache is then ignored.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) { unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for v in values { write(&self, v) }
    }
}

struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func unsigned() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
            let b = bytes[offset]
            offset += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(Malformed) -> Int {
        let u = try unsigned()
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    mutating func bool() throws(Malformed) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws(Malformed) -> String {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - offset) else { throw Malformed() }
        let end = offset + Int(count)
        guard let s = String(validating: bytes[offset..<end], as: UTF8.self) else { throw Malformed() }
        offset = end
        return s
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - offset) else { throw Malformed() }  // every element takes a byte at least
        var out: [T] = []
        out.reserveCapacity(Int(count))
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }
}

/// A file's stamp as both caches store it.
extension BinaryWriter {
    mutating func stamp(_ s: FileStamp) {
        int(Int(s.size)); int(Int(s.modified)); int(Int(s.changed)); unsigned(s.inode)
    }
}

extension BinaryReader {
    mutating func stamp() throws(Malformed) -> FileStamp {
        FileStamp(size: Int64(try int()), modified: Int64(try int()), changed: Int64(try int()), inode: try unsigned())
    }
}
