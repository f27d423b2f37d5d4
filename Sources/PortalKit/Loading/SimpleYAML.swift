/// The plain YAML that front matter is written in, read without libyaml: `key: value` lines,
/// whose values are one-line text (plain, or quoted without escapes), a list in brackets on one
/// line, or an indented block below the key: `- item` lines (each text, a bracketed list, or
/// `key: value` entries) or `key: value` lines. Yams built a node, a tag and a mark object for
/// every value of every page's front matter: a twentieth of a 10,000-page build's CPU.
///
/// Anything else (comments, escapes, empty values, anchors, block or multi-line text, tabs,
/// a list at its key's own indentation, a mistake of any kind) is not read here: `read` answers nil and the text goes to Yams, which
/// reads all of YAML and reports its errors. Where both read a text they give the same node,
/// marks included (`SimpleYAMLTests` compares them on seeded texts).
enum SimpleYAML {
    static func read(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes -> YAMLNode? in
            guard !bytes.isEmpty else { return nil }
            var reader = Reader(bytes)
            return reader.document()
        }
    }

    private struct Line {
        var start: Int
        var end: Int
        var indent: Int
        /// 1-based, blank lines counted.
        var number: Int
    }

    private struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        var lines: [Line] = []
        var current = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            b = bytes
        }

        mutating func document() -> YAMLNode? {
            // Bytes that would need YAML's fuller rules anywhere in the text: tabs, carriage
            // returns, comments, escapes, control characters, what libyaml takes as a line
            // break (U+0085, U+2028, U+2029) or will not read (U+0080–U+009F, U+FFFE, U+FFFF),
            // a byte order mark.
            var start = 0
            for i in 0..<b.count {
                let c = b[i]
                if c == UInt8(ascii: "\n") {
                    lines.append(Line(start: start, end: i, indent: indent(start, i), number: lines.count + 1))
                    start = i + 1
                } else if c < 0x20 || c == UInt8(ascii: "#") || c == UInt8(ascii: "\\") || c == 0x7F {
                    return nil
                } else if c == 0xC2, i + 1 < b.count, b[i + 1] < 0xA0 {
                    return nil
                } else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                    return nil
                } else if c == 0xEF, i + 2 < b.count, (b[i + 1] == 0xBB && b[i + 2] == 0xBF) || (b[i + 1] == 0xBF && b[i + 2] >= 0xBE) {
                    return nil
                }
            }
            if start < b.count { lines.append(Line(start: start, end: b.count, indent: indent(start, b.count), number: lines.count + 1)) }
            lines.removeAll { $0.indent == $0.end - $0.start }  // blank lines
            guard let first = lines.first, first.indent == 0 else { return nil }
            guard let map = mapping(at: 0) else { return nil }
            return current == lines.count ? map : nil
        }

        private func indent(_ start: Int, _ end: Int) -> Int {
            var i = start
            while i < end, b[i] == UInt8(ascii: " ") { i += 1 }
            return i - start
        }

        /// Characters (not bytes) before `offset` on its line, plus one.
        private func column(_ line: Line, _ offset: Int) -> Int {
            var n = 1
            for i in line.start..<offset where b[i] & 0xC0 != 0x80 { n += 1 }
            return n
        }

        private func mark(_ line: Line, _ offset: Int) -> YAMLMark {
            YAMLMark(line: line.number, column: column(line, offset))
        }

        /// Key–value lines at `indent`, from the current line on, as one mapping.
        mutating func mapping(at indent: Int) -> YAMLNode? {
            var pairs: [YAMLNode.Pair] = []
            var seen: Set<String> = []
            var mapMark: YAMLMark?
            while current < lines.count, lines[current].indent == indent {
                let line = lines[current]
                guard let (key, afterColon) = self.key(line, from: line.start + indent), seen.insert(key.string ?? "").inserted else { return nil }
                if mapMark == nil { mapMark = key.mark }
                current += 1
                let value: YAMLNode
                if afterColon == line.end {
                    guard let nested = block(deeperThan: indent) else { return nil }
                    value = nested
                } else {
                    guard let inline = inlineValue(line, from: afterColon) else { return nil }
                    value = inline
                }
                pairs.append(YAMLNode.Pair(key: key, value: value))
            }
            return .mapping(pairs, mapMark)
        }

        /// `key:` and where its value starts (past the spaces), or the line's end for none.
        private func key(_ line: Line, from offset: Int) -> (YAMLNode, Int)? {
            var i = offset
            while i < line.end, Self.isKeyByte(b[i]) { i += 1 }
            guard i > offset, i < line.end, b[i] == UInt8(ascii: ":") else { return nil }
            let key = YAMLNode.scalar(.init(string: String(decoding: UnsafeBufferPointer(rebasing: b[offset..<i]), as: UTF8.self),
                                            style: .plain, mark: mark(line, offset)))
            var v = i + 1
            if v == line.end { return (key, v) }
            guard b[v] == UInt8(ascii: " ") else { return nil }
            while v < line.end, b[v] == UInt8(ascii: " ") { v += 1 }
            // Spaces after the colon and nothing else: an empty value, left to Yams.
            return v == line.end ? nil : (key, v)
        }

        private static func isKeyByte(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
        }

        /// The indented lines after `key:`: a list of `- item` lines, or a mapping.
        private mutating func block(deeperThan indent: Int) -> YAMLNode? {
            guard current < lines.count else { return nil }
            let first = lines[current]
            let n = first.indent
            guard n > indent else { return nil }
            if b[first.start + n] == UInt8(ascii: "-") { return sequence(at: n) }
            return mapping(at: n)
        }

        /// `- item` lines at `indent`: each item text, a bracketed list, or a mapping whose
        /// first entry is on the dash's line and the rest two columns in.
        private mutating func sequence(at indent: Int) -> YAMLNode? {
            var items: [YAMLNode] = []
            var seqMark: YAMLMark?
            while current < lines.count, lines[current].indent == indent {
                let line = lines[current]
                let dash = line.start + indent
                guard dash + 2 < line.end, b[dash] == UInt8(ascii: "-"), b[dash + 1] == UInt8(ascii: " "), b[dash + 2] != UInt8(ascii: " ") else { return nil }
                if seqMark == nil { seqMark = mark(line, dash) }
                let itemStart = dash + 2
                if key(line, from: itemStart) != nil {
                    // A mapping: this line's entry and the lines at the entry's column.
                    let entryIndent = indent + 2
                    lines[current].indent = entryIndent
                    guard let map = mapping(at: entryIndent) else { return nil }
                    items.append(map)
                    // The mapping stops at a line less indented; a deeper one is not read here.
                    if current < lines.count, lines[current].indent > indent { return nil }
                } else {
                    guard let item = inlineValue(line, from: itemStart) else { return nil }
                    items.append(item)
                    current += 1
                }
            }
            return .sequence(items, seqMark)
        }

        /// A value on the rest of the line: quoted or plain text, or a bracketed list.
        private func inlineValue(_ line: Line, from offset: Int) -> YAMLNode? {
            switch b[offset] {
            case UInt8(ascii: "["): return flowSequence(line, from: offset)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let (node, end) = quoted(line, from: offset), onlySpaces(line, from: end) else { return nil }
                return node
            default:
                return plain(line, from: offset, upTo: line.end, inFlow: false)
            }
        }

        private func onlySpaces(_ line: Line, from offset: Int) -> Bool {
            var i = offset
            while i < line.end, b[i] == UInt8(ascii: " ") { i += 1 }
            return i == line.end
        }

        /// `"text"` or `'text'` with no escape and no quote inside; the offset after it.
        private func quoted(_ line: Line, from offset: Int) -> (YAMLNode, Int)? {
            let q = b[offset]
            var i = offset + 1
            while i < line.end, b[i] != q { i += 1 }
            guard i < line.end else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[(offset + 1)..<i]), as: UTF8.self)
            // A quote right after the closing one is an escaped quote in single-quoted text.
            if q == UInt8(ascii: "'"), i + 1 < line.end, b[i + 1] == q { return nil }
            let style: YAMLNode.Style = q == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted
            return (.scalar(.init(string: text, style: style, mark: mark(line, offset))), i + 1)
        }

        /// Plain text from `offset` to `end`, less trailing spaces. Nil where YAML would read
        /// more into it (an indicator first, `: ` inside, a colon last, a bracket in a list).
        private func plain(_ line: Line, from offset: Int, upTo end: Int, inFlow: Bool) -> YAMLNode? {
            var last = end
            while last > offset, b[last - 1] == UInt8(ascii: " ") { last -= 1 }
            guard last > offset, !Self.isIndicator(b[offset]) else { return nil }
            for i in offset..<last {
                let c = b[i]
                if c == UInt8(ascii: ":") && (inFlow || i + 1 == last || b[i + 1] == UInt8(ascii: " ")) { return nil }
                if inFlow && (c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")) { return nil }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[offset..<last]), as: UTF8.self)
            return .scalar(.init(string: text, style: .plain, mark: mark(line, offset)))
        }

        private static func isIndicator(_ c: UInt8) -> Bool {
            switch c {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
                 UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                 UInt8(ascii: "`"), UInt8(ascii: " "):
                return true
            default:
                return false
            }
        }

        /// `[a, "b", c]` on one line, nothing after it.
        private func flowSequence(_ line: Line, from offset: Int) -> YAMLNode? {
            var items: [YAMLNode] = []
            var i = offset + 1
            func skipSpaces() { while i < line.end, b[i] == UInt8(ascii: " ") { i += 1 } }
            skipSpaces()
            if i < line.end, b[i] == UInt8(ascii: "]") {
                i += 1
            } else {
                while true {
                    guard i < line.end else { return nil }
                    if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                        guard let (node, end) = quoted(line, from: i) else { return nil }
                        items.append(node)
                        i = end
                        skipSpaces()
                    } else {
                        var j = i
                        while j < line.end, b[j] != UInt8(ascii: ","), b[j] != UInt8(ascii: "]") { j += 1 }
                        guard let node = plain(line, from: i, upTo: j, inFlow: true) else { return nil }
                        items.append(node)
                        i = j
                    }
                    guard i < line.end else { return nil }
                    if b[i] == UInt8(ascii: "]") {
                        i += 1
                        break
                    }
                    guard b[i] == UInt8(ascii: ",") else { return nil }
                    i += 1
                    skipSpaces()
                    // A comma before the bracket, or two in a row: left to Yams.
                    guard i < line.end, b[i] != UInt8(ascii: "]"), b[i] != UInt8(ascii: ",") else { return nil }
                }
            }
            guard onlySpaces(line, from: i) else { return nil }
            return .sequence(items, mark(line, offset))
        }
    }
}
