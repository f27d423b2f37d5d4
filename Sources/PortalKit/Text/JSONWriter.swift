/// A small JSON writer for the large generated files (the search index, the registry data):
/// Foundation's JSONEncoder spends most of a 10,000-page build there. Writes UTF-8 bytes
/// directly; the caller writes keys in sorted order so output stays deterministic.
/// `forScript` also escapes `<`, `>`, `&`, U+2028 and U+2029 for use inside `<script>`.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    let forScript: Bool

    init(forScript: Bool = false, capacity: Int = 1 << 16) {
        self.forScript = forScript
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Digits written straight into the buffer: the index holds millions of numbers. Decimal and
    /// base 36 (the compact postings) divide by a constant, which the compiler turns into a multiply.
    mutating func int(_ value: Int, radix: Int = 10) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            return int(-value, radix: radix)
        }
        switch radix {
        case 10: digits(UInt(value), radix: 10)
        case 36: digits(UInt(value), radix: 36)
        default: digits(UInt(value), radix: UInt(radix))
        }
    }

    @inline(__always)
    private mutating func digits(_ value: UInt, radix: UInt) {
        if value < radix { return bytes.append(Self.digit(value)) }
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var n = value
            var start = buffer.count
            while n > 0 {
                start -= 1
                buffer[start] = Self.digit(n % radix)
                n /= radix
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    @inline(__always)
    private static func digit(_ d: UInt) -> UInt8 { d < 10 ? UInt8(48 + d) : UInt8(87 + d) }

    mutating func double(_ value: Double) {
        bytes.append(contentsOf: "\(value)".utf8)
    }

    mutating func bool(_ value: Bool?) {
        switch value {
        case .none: raw("null")
        case .some(true): raw("true")
        case .some(false): raw("false")
        }
    }

    mutating func string(_ value: String?) {
        guard var text = value else { return raw("null") }
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape (nearly all of Japanese text) are copied whole.
            var runStart = 0
            var i = 0
            let forScript = self.forScript
            while i < utf8.count {
                let b = utf8[i]
                let special = b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
                    || (forScript && (b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "&") || b == 0xE2))
                if !special { i += 1; continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                i += escape(utf8, at: i)
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes the escape for the byte at `i`; answers how many bytes it consumed.
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = utf8[i]
        switch b {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x00..<0x20:
            raw("\\u00")
            bytes.append(Self.digit(UInt(b >> 4)))
            bytes.append(Self.digit(UInt(b & 0xF)))
        case UInt8(ascii: "<"): raw("\\u003c")
        case UInt8(ascii: ">"): raw("\\u003e")
        case UInt8(ascii: "&"): raw("\\u0026")
        default:
            // 0xE2 in a script: U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
            if i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 {
                raw(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                return 3
            }
            bytes.append(b)
        }
        return 1
    }

    mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    mutating func stringArray(_ values: [String]) {
        raw("[")
        for (i, v) in values.enumerated() {
            if i > 0 { comma() }
            string(v)
        }
        raw("]")
    }

    mutating func append(_ other: JSONWriter) { bytes.append(contentsOf: other.bytes) }

    /// Bytes already encoded (a piece of a larger file).
    mutating func append(_ encoded: [UInt8]) { bytes.append(contentsOf: encoded) }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
