import CCmark
import Foundation

/// GitHub Flavored Markdown's pipe tables on top of libcmark's tree (cmark has no table
/// extension, and cmark-gfm is not what Debian ships). cmark reads a table as a paragraph, so each
/// paragraph whose source lines hold a header row followed by a delimiter row (`| --- | :-: |`) is
/// rebuilt: the lines before the header stay a paragraph, the rest become the table, one row per
/// line until the paragraph ends, as GFM's table ends at a blank line or another block. Cells are
/// split on unescaped pipes first and then parsed as inline Markdown each (`\|` is a pipe in a
/// cell, code spans included), so links, emphasis and code in cells work as elsewhere.
enum PipeTables {
    enum Alignment { case none, left, center, right }

    /// Rewrites every table in `doc`. `lines`: the text cmark parsed; `options`: how it parsed it.
    static func apply(_ doc: OpaquePointer, lines: ColumnMap, options: Int32) {
        guard lines.containsByte(UInt8(ascii: "|")) else { return }
        var paragraphs: [(node: OpaquePointer, quoteDepth: Int)] = []
        guard let iter = cmark_iter_new(doc) else { return }
        var depth = 0
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_BLOCK_QUOTE: depth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_PARAGRAPH where event == CMARK_EVENT_ENTER: paragraphs.append((node, depth))
            default: break
            }
        }
        cmark_iter_free(iter)
        for (node, quoteDepth) in paragraphs {
            rewrite(node, quoteDepth: quoteDepth, lines: lines, options: options)
        }
    }

    private static func rewrite(_ paragraph: OpaquePointer, quoteDepth: Int, lines: ColumnMap, options: Int32) {
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        guard last > first else { return }
        // Each line as the paragraph sees it: without the block quote markers, and the first from
        // where the paragraph starts (after a list item's marker).
        var texts: [ArraySlice<UInt8>] = []
        for number in first...last {
            var line = lines.line(number)
            if number == first {
                let column = Int(cmark_node_get_start_column(paragraph))
                line = line.dropFirst(max(0, column - 1))
            } else {
                for _ in 0..<quoteDepth { line = dropQuoteMarker(line) }
            }
            texts.append(line)
        }
        guard texts.contains(where: { $0.contains(UInt8(ascii: "|")) }) else { return }
        var start: Int?
        var alignments: [Alignment] = []
        var header: [String] = []
        for i in 0..<(texts.count - 1) {
            guard let delimiter = delimiterRow(texts[i + 1]), let found = cells(texts[i]), found.count == delimiter.count else { continue }
            (start, alignments, header) = (i, delimiter, found)
            break
        }
        guard let start else { return }

        guard let table = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        var headerText: [String] = []
        let head = section("<thead>", "</thead>")
        let headRow = section("<tr>", "</tr>")
        for (cell, alignment) in zip(header, alignments) {
            let node = cellNode(cell, tag: "th", scope: true, alignment: alignment, line: first + start, options: options)
            headerText.append(plainText(node))
            cmark_node_append_child(headRow, node)
        }
        cmark_node_append_child(head, headRow)
        cmark_node_append_child(table, head)
        if start + 2 < texts.count {
            let body = section("<tbody>", "</tbody>")
            for r in (start + 2)..<texts.count {
                let row = section("<tr>", "</tr>")
                let found = cells(texts[r]) ?? [text(texts[r])]
                for (c, alignment) in alignments.enumerated() {
                    cmark_node_append_child(row, cellNode(c < found.count ? found[c] : "", tag: "td", scope: false, alignment: alignment,
                                                          line: first + r, options: options))
                }
                cmark_node_append_child(body, row)
            }
            cmark_node_append_child(table, body)
        }
        let label = HTMLText.attribute(headerText.filter { !$0.isEmpty }.joined(separator: "・"))
        cmark_node_set_on_enter(table, "<div class=\"table-wrap\" role=\"region\" aria-label=\"\(label.isEmpty ? "表" : label)\" tabindex=\"0\"><table>")
        cmark_node_set_on_exit(table, "</table></div>")

        // The lines before the header row stay a paragraph of their own.
        if start > 0 {
            let before = texts[0..<start].map(text).joined(separator: "\n")
            if let parsed = parse(before, line: first, options: options) {
                while let block = cmark_node_first_child(parsed) { cmark_node_insert_before(paragraph, block) }
                cmark_node_free(parsed)
            }
        }
        cmark_node_replace(paragraph, table)
        cmark_node_free(paragraph)
    }

    /// A row's cells: split on unescaped pipes, the outer pipes dropped, `\|` made a pipe, trimmed.
    /// Nil when the line holds no unescaped pipe (a header or delimiter row must).
    static func cells(_ line: ArraySlice<UInt8>) -> [String]? {
        var bytes = Array(trim(line))
        var cells: [[UInt8]] = [[]]
        var sawPipe = false
        var i = 0
        if bytes.first == UInt8(ascii: "|") { bytes.removeFirst(); sawPipe = true }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "|") {
                cells[cells.count - 1].append(UInt8(ascii: "|"))
                i += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                sawPipe = true
                cells.append([])
            } else {
                cells[cells.count - 1].append(byte)
            }
            i += 1
        }
        guard sawPipe else { return nil }
        // A closing pipe leaves an empty last cell.
        if cells.count > 1, cells.last!.isEmpty, bytes.last == UInt8(ascii: "|") { cells.removeLast() }
        return cells.map { String(decoding: trim($0[...]), as: UTF8.self) }
    }

    /// `| :-- | :-: | --: |`: each cell hyphens with an optional colon at either end.
    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [Alignment]? {
        guard let parts = cells(line), !parts.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for part in parts {
            let left = part.hasPrefix(":"), right = part.hasSuffix(":")
            let dashes = part.dropFirst(left ? 1 : 0).dropLast(right && part.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    private static func cellNode(_ content: String, tag: String, scope: Bool, alignment: Alignment, line: Int, options: Int32) -> OpaquePointer {
        // Inline, so the cell's text is not set on lines of its own.
        let cell = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        let align = switch alignment {
        case .none: ""
        case .left: " class=\"align-left\""
        case .center: " class=\"align-center\""
        case .right: " class=\"align-right\""
        }
        cmark_node_set_on_enter(cell, "<\(tag)\(scope ? " scope=\"col\"" : "")\(align)>")
        cmark_node_set_on_exit(cell, "</\(tag)>")
        guard !content.isEmpty else { return cell }
        // Plain words need no parse; anything Markdown could mean is parsed as the cell's inline text.
        if !content.utf8.contains(where: { "\\`*_[]!<&".utf8.contains($0) }), let text = cmark_node_new(CMARK_NODE_TEXT) {
            cmark_node_set_literal(text, content)
            cmark_node_append_child(cell, text)
        } else if let parsed = parse(content, line: line, options: options) {
            if let paragraph = cmark_node_first_child(parsed), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH {
                while let child = cmark_node_first_child(paragraph) { cmark_node_append_child(cell, child) }
            } else if let text = cmark_node_new(CMARK_NODE_TEXT) {
                // Something a cell cannot hold as a block (`# x`, `- x`): its text as written.
                cmark_node_set_literal(text, content)
                cmark_node_append_child(cell, text)
            }
            cmark_node_free(parsed)
        }
        return cell
    }

    /// Markdown parsed on its own, its nodes numbered from `line` (blank lines before it count).
    private static func parse(_ markdown: String, line: Int, options: Int32) -> OpaquePointer? {
        let text = String(repeating: "\n", count: max(0, line - 1)) + markdown
        return text.withCString { cmark_parse_document($0, strlen($0), options) }
    }

    private static func section(_ enter: String, _ exit: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    private static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        guard let iter = cmark_iter_new(node) else { return out }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            default: break
            }
        }
        cmark_iter_free(iter)
        return out
    }

    private static func dropQuoteMarker(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var rest = line.drop { $0 == UInt8(ascii: " ") }
        guard rest.first == UInt8(ascii: ">") else { return line }
        rest = rest.dropFirst()
        if rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
        return rest
    }

    private static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
