/// The YAML mistakes Japanese editors make most, found in the text around a syntax error:
/// a full-width colon after a key (`title：…`), a full-width space after the colon or in the
/// indentation, a tab in the indentation. libyaml reports each of them a line later, as
/// "could not find expected ':'" and the like; the slip is told instead, where it is.
struct YAMLSlip: Equatable {
    enum Kind: Equatable { case fullWidthColon, fullWidthSpaceAfterColon, fullWidthIndent, tabIndent, noSpaceAfterColon }

    var kind: Kind
    /// 1-based, in the YAML text.
    var line: Int
    var column: Int

    var message: Message {
        switch kind {
        case .fullWidthColon: .yamlFullWidthColon
        case .fullWidthSpaceAfterColon: .yamlFullWidthSpaceAfterColon
        case .fullWidthIndent: .yamlFullWidthIndent
        case .tabIndent: .yamlTabIndent
        case .noSpaceAfterColon: .yamlNoSpaceAfterColon
        }
    }

    /// The first slip on the error's line or the two before it (libyaml stops at the line
    /// after the mistake, or further on at the end of a block); nil when there is none.
    static func find(in text: String, errorLine: Int) -> YAMLSlip? {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if number > errorLine { break }
            if number < errorLine - 2 { continue }
            if let slip = slip(in: line, number: number) { return slip }
        }
        return nil
    }

    private static func slip(in line: Substring, number: Int) -> YAMLSlip? {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        var wrongIndent: YAMLSlip?
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\u{3000}" || scalars[i] == "\t" {
            if wrongIndent == nil, scalars[i] != " " {
                wrongIndent = YAMLSlip(kind: scalars[i] == "\t" ? .tabIndent : .fullWidthIndent, line: number, column: i + 1)
            }
            i += 1
        }
        let isItem = i + 1 < scalars.count && scalars[i] == "-" && scalars[i + 1] == " "
        if isItem { i += 2 }
        // A key as portal's files spell them (ASCII letters, digits, _ and -), then the colon.
        let keyStart = i
        while i < scalars.count, scalars[i].isASCII, scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i]) || scalars[i] == "_" || scalars[i] == "-" {
            i += 1
        }
        let key = i > keyStart
        while key, i < scalars.count, scalars[i] == " " { i += 1 }
        let colon = key && i < scalars.count ? scalars[i] : nil
        // Only lines that are YAML's own structure count: in a block of text (`|`) a line may
        // well start with a full-width space.
        if let wrongIndent, isItem || colon == ":" || colon == "：" { return wrongIndent }
        if colon == "：" { return YAMLSlip(kind: .fullWidthColon, line: number, column: i + 1) }
        if colon == ":", i + 1 < scalars.count, scalars[i + 1] == "\u{3000}" {
            return YAMLSlip(kind: .fullWidthSpaceAfterColon, line: number, column: i + 2)
        }
        // `review_after_days:365`: YAML reads one plain text, and the mapping breaks on the
        // next line. Keys start with a letter (a list item `- 10:30` is a time).
        if colon == ":", i + 1 < scalars.count, scalars[i + 1] != " ", !isItem, scalars[keyStart].properties.isAlphabetic {
            return YAMLSlip(kind: .noSpaceAfterColon, line: number, column: i + 2)
        }
        return nil
    }
}
