/// Front matter is the YAML between a `---` line at the very top and the next `---` line.
/// Only whole lines count as fences: a `---` inside a line (or a table rule) is content.
struct FrontMatter: Equatable {
    var yaml: String
    /// Lines before the YAML text (the opening fence).
    var yamlLineOffset: Int
    var body: String
    var bodyLineOffset: Int

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
        while lineStart < utf8.endIndex || (lineNumber == 0 && lineStart == utf8.endIndex) {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if lineNumber == 0 {
                guard isFence(line) else { throw .missing }
                yamlStart = next
            } else if isFence(line), let yamlStart {
                // The YAML without the newline before the closing fence, as the lines joined.
                let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                return FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), yamlLineOffset: 1,
                                   body: String(text[next...]), bodyLineOffset: lineNumber + 1)
            }
            lineNumber += 1
            if lineEnd == utf8.endIndex { break }
            lineStart = next
        }
        throw .unclosed
    }

    private static func isFence(_ line: Substring) -> Bool {
        var l = line
        if l.last == "\r" { l = l.dropLast() }
        while l.last == " " || l.last == "\t" { l = l.dropLast() }
        return l == "---"
    }
}
