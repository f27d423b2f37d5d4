/// cmark counts columns in bytes; people count characters. Kept per document, built on first use.
struct ColumnMap {
    private let utf8: [UInt8]
    private let lineStarts: [Int]

    init(_ text: String) {
        utf8 = Array(text.utf8)
        var starts = [0]
        for (i, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(i + 1)
        }
        lineStarts = starts
    }

    /// 1-based line and byte column in, 1-based character column out.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, utf8.count)
        // Count the bytes that start a character (not UTF-8 continuation bytes).
        var count = 0
        for i in start..<end where utf8[i] & 0xC0 != 0x80 { count += 1 }
        return count + 1
    }

    /// A 1-based line's bytes, without its line break.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= lineStarts.count else { return [] }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return utf8[start..<max(start, end)]
    }

    func containsByte(_ byte: UInt8) -> Bool { utf8.contains(byte) }
}
