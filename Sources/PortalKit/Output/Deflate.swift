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
        // A compressor holds its level's tables (under a megabyte); making one takes about 2 µs.
        guard let compressor = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate could not allocate a compressor")
        }
        defer { libdeflate_free_compressor(compressor) }
        var out = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, input.count))
        let size = out.withUnsafeMutableBufferPointer { o in
            input.withUnsafeBufferPointer { i in
                libdeflate_zlib_compress(compressor, i.baseAddress, i.count, o.baseAddress, o.count)
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

    /// `input` as a part of a stream; `last`: it ends the stream (a final block).
    static func part(_ input: [UInt8], level: Int32, last: Bool = false) -> Part {
        var stream = z_stream()
        // Raw deflate (negative window bits): the stream's header and checksum are written once, by `stream`.
        let ready = deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(ready == Z_OK, "deflateInit2 failed (\(ready))")
        defer { deflateEnd(&stream) }
        // The bound covers the blocks; a sync flush adds an empty stored block (5 bytes) and up to 2 of padding.
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        var input = input
        let written = input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o -> Int in
                stream.next_in = i.baseAddress
                stream.avail_in = UInt32(i.count)
                stream.next_out = o.baseAddress
                stream.avail_out = UInt32(o.count)
                let status = CZlib.deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
                // The buffer is large enough by construction: the whole input goes in one call.
                precondition(status == (last ? Z_STREAM_END : Z_OK) && stream.avail_in == 0, "deflate failed (\(status))")
                return o.count - Int(stream.avail_out)
            }
        }
        out.removeLast(out.count - written)
        let adler = input.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
        return Part(bytes: out, adler: adler, count: input.count)
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
