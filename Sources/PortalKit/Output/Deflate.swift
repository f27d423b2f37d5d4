import CZlib
import Foundation

/// zlib's deflate (RFC 1950), for the search files the browser inflates itself with
/// `DecompressionStream("deflate")`: classic scripts cannot be served compressed from disk, so
/// the compressed bytes travel inside them as base64.
enum Deflate {
    /// `input` deflated at `level` (1 fastest … 9 smallest). zlib is deterministic for a given
    /// input and level, so the output stays byte-identical from build to build.
    static func compress(_ input: [UInt8], level: Int32) -> [UInt8] {
        var size = compressBound(uLong(input.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            input.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), level) }
        }
        // compressBound is enough by definition and the arguments are valid: only memory can fail.
        precondition(status == Z_OK, "deflate failed (\(status))")
        out.removeLast(out.count - Int(size))
        return out
    }

    /// The base64 of `input` deflated: what a compressed search script carries.
    static func base64(_ input: [UInt8], level: Int32) -> [UInt8] {
        Array(Data(compress(input, level: level)).base64EncodedData())
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
