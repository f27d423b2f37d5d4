import PortalMarkdown

/// ```checklist fences: one item a line, printed as a tick box with a blank line to write on,
/// for sheets filled in by hand during an incident.
enum ChecklistBlock {
    static let renderer: FencedBlockRenderer = { block throws(FencedBlockError) in
        let items = block.literal.split(separator: "\n").map { String($0).trimmed() }.filter { !$0.isEmpty }
        guard !items.isEmpty else {
            throw FencedBlockError(line: block.firstLine, .checklistEmpty)
        }
        var html = "<ul class=\"checklist\">\n"
        for item in items {
            html += "<li><span class=\"checkbox\" aria-hidden=\"true\">☐</span> <span class=\"checklist-item\">\(HTMLText.escape(item))</span><span class=\"write-in\" aria-hidden=\"true\"></span></li>\n"
        }
        html += "</ul>\n"
        return FencedBlockOutput(html: html, text: items.joined(separator: " "))
    }
}
