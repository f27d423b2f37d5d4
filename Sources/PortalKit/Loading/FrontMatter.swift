/// Front matter is the YAML between a `---` line at the very top and the next `---` line.
/// Only whole lines count as fences: a `---` inside a line (or a table rule) is content.
struct FrontMatter: Equatable {
    var yaml: String
    /// Lines before the YAML text (the opening fence).
    var yamlLineOffset: Int
    var body: String
    var bodyLineOffset: Int
    /// The 1-based lines of fences typed with an IME's dashes (`ーーー`), read as `---`.
    var lookalikeFences: [Int] = []

    enum SplitError: Error, Equatable {
        case missing
        case unclosed
    }

    /// Walks the lines of the front matter only; the body is sliced off once, never split.
    static func split(_ text: String) throws(SplitError) -> FrontMatter {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index? = nil
        var lookalikes: [Int] = []
        while lineStart < utf8.endIndex || (lineNumber == 0 && lineStart == utf8.endIndex) {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if lineNumber == 0 {
                if isLookalikeFence(line) { lookalikes.append(1) } else if !isFence(line) { throw .missing }
                yamlStart = next
            } else if let yamlStart, isFence(line) || (!lookalikes.isEmpty && isLookalikeFence(line)) {
                if !isFence(line) { lookalikes.append(lineNumber + 1) }
                // The YAML without the newline before the closing fence, as the lines joined.
                let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                return FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), yamlLineOffset: 1,
                                   body: String(text[next...]), bodyLineOffset: lineNumber + 1, lookalikeFences: lookalikes)
            }
            lineNumber += 1
            if lineEnd == utf8.endIndex { break }
            lineStart = next
        }
        throw .unclosed
    }

    /// `ーーー`, `－－－`, `―――`: three or more of the dashes a Japanese IME gives for "-",
    /// which look like a fence and are not one (as the first line, the file would have no
    /// front matter, and its title and date would be printed as text).
    private static let dashes: Set<Unicode.Scalar> = ["\u{30FC}", "\u{FF70}", "\u{FF0D}", "\u{2010}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{2500}"]

    private static func isLookalikeFence(_ line: Substring) -> Bool {
        let scalars = line.unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\r" && $0 != "\u{3000}" }
        return scalars.count >= 3 && scalars.allSatisfy { dashes.contains($0) }
    }

    /// `---`, then perhaps spaces, tabs and a carriage return: read as bytes, the same as by
    /// Characters (a carriage return at a line's end, a space or a tab not followed by a mark,
    /// is a Character of its own, and nothing else is equivalent to `-`), without breaking every
    /// line of every file into Characters.
    static func isFence(_ line: Substring) -> Bool {
        let utf8 = line.utf8
        var end = utf8.endIndex
        if end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: " ") || utf8[utf8.index(before: end)] == UInt8(ascii: "\t") {
            end = utf8.index(before: end)
        }
        return utf8[utf8.startIndex..<end].elementsEqual("---".utf8)
    }
}
