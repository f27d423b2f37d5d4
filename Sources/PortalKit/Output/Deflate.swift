import CDeflate
import CZlib
import Foundation

/// zlib's deflate (RFC 1950), for the search files search.js inflates itself: classic scripts
/// cannot be served compressed from disk, so the compressed bytes travel inside them as base64.
enum Deflate {
    /// `input` as one zlib stream (RFC 1950) at `level` (1 fastest … 12 smallest), by
    /// libdeflate: whole-buffer only, and about three times as fast as zlib at the same size
    /// (the search's document chunks at level 6: 0.019 against 0.052 CPU-seconds for 1,000 pages,
    /// 829,775 against 829,608 bytes). It is deterministic for a given input and level, so the
    /// output stays byte-identical from build to build.
    static func compress(_ input: [UInt8], level: Int32) -> [UInt8] {
        libdeflate(input, level: level, wrapper: .zlib)
    }

    private enum Wrapper { case zlib, raw }

    /// One call of libdeflate: a zlib stream, or raw deflate blocks (the last one final).
    private static func libdeflate(_ input: [UInt8], level: Int32, wrapper: Wrapper) -> [UInt8] {
        // A compressor holds its level's tables (under a megabyte); making one takes about 2 µs.
        guard let compressor = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate could not allocate a compressor")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = wrapper == .zlib ? libdeflate_zlib_compress_bound(compressor, input.count)
            : libdeflate_deflate_compress_bound(compressor, input.count)
        var out = [UInt8](repeating: 0, count: bound)
        let size = out.withUnsafeMutableBufferPointer { o in
            input.withUnsafeBufferPointer { i in
                wrapper == .zlib ? libdeflate_zlib_compress(compressor, i.baseAddress, i.count, o.baseAddress, o.count)
                    : libdeflate_deflate_compress(compressor, i.baseAddress, i.count, o.baseAddress, o.count)
            }
        }
        // The bound is enough by definition: 0 (no room) cannot happen.
        precondition(size > 0, "deflate failed")
        out.removeLast(out.count - size)
        return out
    }

    /// A part of a stream deflated on its own: raw deflate blocks that end on a byte boundary
    /// (a sync flush), with the part's Adler-32 and length. Parts made at different times join
    /// into one zlib stream (`stream(_:level:)`), as pigz joins its threads' output: so a file
    /// whose parts mostly did not change is compressed again only where they did. Each part
    /// starts without the others' history, which costs a little size (about 2 % for the search
    /// index's tails).
    struct Part: Sendable, Equatable {
        var bytes: [UInt8]
        var adler: UInt32
        var count: Int
    }

    /// `input` as a part of a stream; `last`: it ends the stream (a final block). Deflated by
    /// libdeflate at its `level` (faster than zlib for the same size: its level 4 made the
    /// search's tails 3 % smaller than zlib's level 4, in three quarters of the time), whose
    /// output always ends the stream; a part that does not is that output with its final block
    /// made not final and a sync flush after it (`unfinished`), the bytes zlib's `Z_SYNC_FLUSH`
    /// would have ended it with.
    static func part(_ input: [UInt8], level: Int32, last: Bool = false) -> Part {
        let out = libdeflate(input, level: level, wrapper: .raw)
        let adler = input.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
        return Part(bytes: last ? out : unfinished(out), adler: adler, count: input.count)
    }

    /// A complete raw deflate stream made into the start of a longer one: its final block's
    /// BFINAL bit cleared, the padding after that block dropped, and an empty stored block
    /// (BFINAL 0, type 00, padding to the byte, LEN 0000, NLEN FFFF) appended, so the next part
    /// starts on a byte boundary. Where the final block starts and ends (in bits) is found by
    /// inflating with `Z_BLOCK`, which stops at each block boundary and tells how many bits of
    /// its last byte are not yet used (`data_type & 7`; 128: at a boundary; 64: the block
    /// being decoded, or just ended, is the final one).
    static func unfinished(_ complete: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        let ready = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(ready == Z_OK, "inflateInit2 failed (\(ready))")
        defer { inflateEnd(&stream) }
        var finalStart = 0
        var finalEnd: Int?
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var input = complete
        input.withUnsafeMutableBufferPointer { i in
            scratch.withUnsafeMutableBufferPointer { o in
                stream.next_in = i.baseAddress
                stream.avail_in = UInt32(i.count)
                while finalEnd == nil {
                    // What is inflated is not kept: only where the blocks are.
                    stream.next_out = o.baseAddress
                    stream.avail_out = UInt32(o.count)
                    let status = CZlib.inflate(&stream, Z_BLOCK)
                    precondition(status == Z_OK || status == Z_STREAM_END, "libdeflate's output did not inflate (\(status))")
                    let type = Int(stream.data_type)
                    if type & 128 != 0 {
                        let bit = Int(stream.total_in) * 8 - (type & 7)
                        if type & 64 == 0 { finalStart = bit } else { finalEnd = bit }
                    }
                    precondition(status == Z_OK || finalEnd != nil, "no final block found")
                }
            }
        }
        let end = finalEnd!
        var out = Array(complete[..<((end + 7) / 8)])
        out[finalStart / 8] &= ~(1 << UInt8(finalStart % 8))
        if end % 8 != 0 { out[out.count - 1] &= (1 << UInt8(end % 8)) - 1 }
        // The stored block's three header bits (zeros), then padding to the byte.
        out += [UInt8](repeating: 0, count: (end + 3 + 7) / 8 - out.count)
        out += [0x00, 0x00, 0xFF, 0xFF]
        return out
    }

    /// One zlib stream of the parts, in order; the last must have been made `last`.
    static func stream(_ parts: [Part], level: Int32) -> [UInt8] {
        // The header zlib writes at this level: deflate with a 32 KiB window, the level's class,
        // and the check bits that make the two bytes a multiple of 31.
        let flevel: UInt8 = level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3
        var header: UInt16 = 0x7800 | UInt16(flevel) << 6
        header += UInt16(31 - header % 31) % 31
        var out: [UInt8] = [UInt8(header >> 8), UInt8(header & 0xFF)]
        out.reserveCapacity(parts.reduce(6) { $0 + $1.bytes.count })
        var adler: uLong = 1
        for part in parts {
            out += part.bytes
            adler = adler32_combine(adler, uLong(part.adler), off_t(part.count))
        }
        let sum = UInt32(adler)
        out += [UInt8(sum >> 24), UInt8(sum >> 16 & 0xFF), UInt8(sum >> 8 & 0xFF), UInt8(sum & 0xFF)]
        return out
    }

    /// A whole zlib stream inflated; nil when it is damaged. Only the tests read the search
    /// files back (golden files hold them inflated); `ZipReader.inflate` is for raw deflate of
    /// a known size, which a search file's stream does not record.
    static func inflate(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        return input.withUnsafeMutableBufferPointer { inBuffer -> [UInt8]? in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { b in
                    stream.next_out = b.baseAddress
                    stream.avail_out = UInt32(b.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                out += buffer[0..<(buffer.count - Int(stream.avail_out))]
                if status == Z_STREAM_END { return stream.avail_in == 0 ? out : nil }
                guard status == Z_OK else { return nil }
            }
        }
    }
}
