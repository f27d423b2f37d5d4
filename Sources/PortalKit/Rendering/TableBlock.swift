import PortalMarkdown

/// ```table fences hold CSV; the first row is the header. CommonMark has no tables and the
/// guidance needs them, so they become accessible HTML tables with every cell escaped.
/// `table caption="…"` adds a caption.
enum TableBlock {
    static let renderer: FencedBlockRenderer = { block throws(FencedBlockError) in
        let records: [CSVRecord]
        do throws(CSVError) {
            records = try CSV.parse(block.literal, firstLine: block.firstLine)
        } catch {
            throw FencedBlockError(line: error.line, .csv(error.problem, table: true))
        }
        guard let header = records.first else {
            throw FencedBlockError(line: block.firstLine, .tableEmpty)
        }
        guard records.count >= 2 else {
            throw FencedBlockError(line: header.line, .tableHeaderOnly)
        }
        if header.fields.contains(where: { $0.trimmed().isEmpty }) {
            throw FencedBlockError(line: header.line, .tableUnnamedHeader)
        }
        for row in records.dropFirst() where row.fields.count != header.fields.count {
            throw FencedBlockError(line: row.line, .tableRowWidth(row.fields.count, expected: header.fields.count))
        }
        let caption = try Self.caption(block)
        var html = "<div class=\"table-wrap\" role=\"region\" aria-label=\"\(HTMLText.attribute(caption ?? header.fields.joined(separator: "・")))\" tabindex=\"0\"><table>\n"
        var text: [String] = []
        if let caption {
            html += "<caption>\(HTMLText.escape(caption))</caption>\n"
            text.append(caption)
        }
        html += "<thead><tr>"
        for cell in header.fields {
            html += "<th scope=\"col\">\(HTMLText.escape(cell.trimmed()))</th>"
            text.append(cell)
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in records.dropFirst() {
            html += "<tr>"
            for cell in row.fields {
                html += "<td>\(HTMLText.escape(cell.trimmed()))</td>"
                text.append(cell)
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        return FencedBlockOutput(html: html, text: text.joined(separator: " "))
    }

    private static func caption(_ block: FencedBlock) throws(FencedBlockError) -> String? {
        let args = block.arguments
        if args.isEmpty { return nil }
        let prefix = "caption=\""
        guard args.hasPrefix(prefix), args.hasSuffix("\""), args.count > prefix.count else {
            throw FencedBlockError(line: block.firstLine - 1, .tableOption(args))
        }
        return String(args.dropFirst(prefix.count).dropLast())
    }
}
