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

    /// Digits written straight into the buffer: the index holds millions of numbers.
    mutating func int(_ value: Int, radix: Int = 10) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            return int(-value, radix: radix)
        }
        if value < radix {
            bytes.append(Self.digits[value])
            return
        }
        var scratch: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value
        var count = 0
        withUnsafeMutableBytes(of: &scratch) { buffer in
            while n > 0 {
                buffer[count] = Self.digits[n % radix]
                n /= radix
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    private static let digits: [UInt8] = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

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
        guard let value else { return raw("null") }
        bytes.append(UInt8(ascii: "\""))
        var utf8 = value.utf8.makeIterator()
        while let b = utf8.next() {
            switch b {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x00..<0x20:
                raw("\\u00")
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            case UInt8(ascii: "<") where forScript: raw("\\u003c")
            case UInt8(ascii: ">") where forScript: raw("\\u003e")
            case UInt8(ascii: "&") where forScript: raw("\\u0026")
            case 0xE2 where forScript:
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                let b2 = utf8.next(), b3 = utf8.next()
                if b2 == 0x80, let b3, b3 == 0xA8 || b3 == 0xA9 {
                    raw(b3 == 0xA8 ? "\\u2028" : "\\u2029")
                } else {
                    bytes.append(b)
                    if let b2 { bytes.append(b2) }
                    if let b3 { bytes.append(b3) }
                }
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
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

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
