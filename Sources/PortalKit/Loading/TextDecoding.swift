import Foundation

/// Content files are UTF-8 (a leading BOM is dropped). Anything else is refused with the line of
/// the first bad byte, since a mis-saved file otherwise shows up as mojibake in the portal.
enum TextDecoding {
    enum Failure: Error, Equatable {
        case notUTF8(line: Int)
    }

    static func utf8(_ data: Data) throws(Failure) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            // A byte scan first: Foundation's search is slow on Japanese text, and most files have no CR.
            let hasCR = bytes.withUnsafeBytes { $0.isEmpty ? false : memchr($0.baseAddress!, 0x0D, $0.count) != nil }
            return hasCR ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        }
        throw .notUTF8(line: firstInvalidLine(bytes))
    }

    private static func firstInvalidLine(_ bytes: Data.SubSequence) -> Int {
        var line = 1
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        // Count newlines up to the first decoding error.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s == "\n" { line += 1 }
            case .emptyInput:
                return line
            case .error:
                return line
            }
        }
    }
}
