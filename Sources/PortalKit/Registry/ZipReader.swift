import CZlib
import Foundation

/// Reads the parts of a ZIP archive (an .xlsx workbook) with every size checked against the
/// file: the central directory gives each entry's place, sizes and CRC; stored entries are
/// sliced, deflated ones inflated by zlib with their input bounded by the entry's compressed
/// bytes and their output by its declared size, and the CRC compared. Damage of any kind is an
/// error, never a trap or a loop. (ZIPFoundation, tried first, trapped on one damaged archive
/// and looped forever on another under `make fuzz`.)
struct ZipReader {
    struct Damaged: Error {}

    struct Entry {
        var name: String
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let entries: [String: Entry]

    /// Parts larger than this are refused (a ZIP bomb is not a list of services).
    static let maximumPartSize = 256 * 1024 * 1024

    init(_ data: Data) throws(Damaged) {
        bytes = [UInt8](data)
        let n = bytes.count
        // End of central directory: the last "PK\u{5}\u{6}" within 64 kB of comment from the end.
        var eocd = -1
        var i = n - 22
        while i >= max(0, n - 22 - 65_535) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 5, bytes[i + 3] == 6 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw Damaged() }
        let count = Self.u16(bytes, eocd + 10)
        let directorySize = Self.u32(bytes, eocd + 12), directoryOffset = Self.u32(bytes, eocd + 16)
        guard directoryOffset + directorySize <= eocd else { throw Damaged() }
        var entries: [String: Entry] = [:]
        var at = directoryOffset
        for _ in 0..<count {
            guard at + 46 <= eocd, Self.u32(bytes, at) == 0x0201_4B50 else { throw Damaged() }
            let nameLength = Self.u16(bytes, at + 28), extra = Self.u16(bytes, at + 30), comment = Self.u16(bytes, at + 32)
            guard at + 46 + nameLength <= eocd else { throw Damaged() }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            entries[name] = Entry(name: name, method: UInt16(Self.u16(bytes, at + 10)), crc: UInt32(Self.u32(bytes, at + 16)),
                                  compressedSize: Self.u32(bytes, at + 20), size: Self.u32(bytes, at + 24),
                                  localHeaderOffset: Self.u32(bytes, at + 42))
            at += 46 + nameLength + extra + comment
        }
        self.entries = entries
    }

    /// The bytes of a part, or nil when the archive has no such part.
    func part(_ name: String) throws(Damaged) -> [UInt8]? {
        guard let e = entries[name] else { return nil }
        let h = e.localHeaderOffset
        guard e.size <= Self.maximumPartSize, h + 30 <= bytes.count, Self.u32(bytes, h) == 0x0403_4B50 else { throw Damaged() }
        let start = h + 30 + Self.u16(bytes, h + 26) + Self.u16(bytes, h + 28)
        guard start <= bytes.count, e.compressedSize <= bytes.count - start else { throw Damaged() }
        let input = bytes[start..<(start + e.compressedSize)]
        let out: [UInt8]
        switch e.method {
        case 0:
            guard e.compressedSize == e.size else { throw Damaged() }
            out = Array(input)
        case 8:
            out = try Self.inflate(input, size: e.size)
        default:
            throw Damaged()
        }
        guard ZipWriter.crc32(Data(out)) == e.crc else { throw Damaged() }
        return out
    }

    /// Raw deflate, at most `size` bytes out, only the given bytes in: a stream that ends early,
    /// runs long or is corrupt is damage.
    static func inflate(_ input: ArraySlice<UInt8>, size: Int) throws(Damaged) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: max(size, 1))
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Damaged() }
        defer { inflateEnd(&stream) }
        var input = Array(input)
        let result: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            out.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(size)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END, Int(stream.total_out) == size else { throw Damaged() }
        return Array(out.prefix(size))
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> Int { i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }
    private static func u32(_ b: [UInt8], _ i: Int) -> Int {
        i + 4 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24 : 0
    }
}
