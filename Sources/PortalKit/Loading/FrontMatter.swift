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

    static func split(_ text: String) throws(SplitError) -> FrontMatter {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first) else { throw .missing }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        while let line = lines.first {
            lines = lines.dropFirst()
            if isFence(line) {
                return FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlLineOffset: 1,
                    body: lines.joined(separator: "\n"),
                    bodyLineOffset: yamlLines.count + 2
                )
            }
            yamlLines.append(line)
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
