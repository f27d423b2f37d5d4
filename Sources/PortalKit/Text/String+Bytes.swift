import Foundation

extension String {
    /// Orders by code point (the UTF-8 bytes, compared with memcmp): String's own order for the
    /// NFC text a portal holds, without its Unicode machinery, and far cheaper than a generic
    /// `lexicographicallyPrecedes` in the sorts every build does over ten thousand paths.
    func precedesByCodePoint(_ other: String) -> Bool {
        if let answer = utf8.withContiguousStorageIfAvailable({ a in
            other.utf8.withContiguousStorageIfAvailable { b in Self.less(UnsafeRawBufferPointer(a), UnsafeRawBufferPointer(b)) }
        }), let answer {
            return answer
        }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }

    private static func less(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let n = Swift.min(a.count, b.count)
        let c = n == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, n)
        return c < 0 || (c == 0 && a.count < b.count)
    }
}

extension String {
    /// Whether the text ends with `suffix`, compared byte for byte: `hasSuffix` compares by
    /// grapheme, which made counting the pages of a ten-thousand-page build take milliseconds.
    func endsWithBytes(_ suffix: StaticString) -> Bool {
        let tail = UnsafeRawBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        return utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count >= tail.count && memcmp(bytes.baseAddress! + (bytes.count - tail.count), tail.baseAddress!, tail.count) == 0
        } ?? hasSuffix(suffix.description)
    }
}

extension String {
    /// `body` over the text's UTF-8 when every byte is ASCII, else nil. There a Character is a
    /// byte (but for CR LF, white space either way), so the byte-level readings of URLs and
    /// paths give the Character-level answer without breaking the text into Characters.
    func withASCIIBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var text = self
        return text.withUTF8 { $0.allSatisfy { $0 < 0x80 } ? body($0) : nil }
    }
}

extension Sequence<String> {
    /// The first in code-point order: the same answer every run, whatever order a dictionary
    /// hands its keys in.
    func leastByCodePoint() -> String? { self.min { $0.precedesByCodePoint($1) } }
}
