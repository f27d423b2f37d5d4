import CCmark
import Foundation

/// CommonMark through libcmark, with GitHub Flavored Markdown's tables, task lists, bare-URL links
/// and strikethrough added on its tree (`PipeTables`, `InlineExtensions`). All C lives in this
/// module, inside one function scope: the tree is parsed, extended, read, rewritten and rendered
/// here and freed on every path; only Swift values leave.
public enum Markdown {
    public static func render(_ source: String, options: MarkdownOptions = MarkdownOptions()) -> MarkdownDocument {
        let text = LinkSlots.stripMarkers(source)
        let cmarkOptions = options.allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let doc = text.withCString({ cmark_parse_document($0, strlen($0), cmarkOptions) }) else {
            return MarkdownDocument(slottedHTML: "", headings: [], links: [], sections: [], diagnostics: [])
        }
        defer { cmark_node_free(doc) }

        let columns = ColumnMap(text)
        PipeTables.apply(doc, lines: columns, options: cmarkOptions)
        if InlineExtensions.mayApply(to: text) { InlineExtensions.apply(doc) }
        var walker = TreeWalker(options: options, columns: columns)
        walker.walk(doc)
        walker.rewrite()

        guard let rendered = cmark_render_html(doc, cmarkOptions) else {
            return MarkdownDocument(slottedHTML: "", headings: [], links: [], sections: [], diagnostics: walker.diagnostics)
        }
        defer { free(rendered) }
        return MarkdownDocument(
            slottedHTML: String(cString: rendered),
            headings: walker.headings,
            links: walker.links,
            sections: walker.finishedSections(),
            diagnostics: walker.diagnostics
        )
    }
}

/// Reads the tree in one pass (collecting what to rewrite), then rewrites it: cmark allows changes
/// only outside an iteration.
private struct TreeWalker {
    let options: MarkdownOptions
    let columns: ColumnMap

    var headings: [Heading] = []
    var links: [LinkReference] = []
    var diagnostics: [MarkdownDiagnostic] = []

    private var ids = HeadingIDAllocator()
    private var sections: [TextSection] = []
    /// The section being read; its text gathers in `currentText`.
    private var current = TextSection(headingID: nil, title: "", text: "")
    /// The current section's text as UTF-8, gathered straight from cmark's text nodes (a String
    /// made of each node, then appended, was most of the walk), collapsed when the section ends.
    private var currentText: [UInt8] = []

    private var headingNodes: [(node: OpaquePointer, level: Int, id: String, lastText: OpaquePointer?, explicitSuffixLength: Int)] = []
    /// Each with its place in `links` (term uses take places too).
    private var linkNodes: [(node: OpaquePointer, index: Int)] = []
    /// Text nodes that hold a term's first use: the scalar ranges and their places in `links`.
    private var termUses: [(node: OpaquePointer, uses: [(range: Range<Int>, index: Int)])] = []
    private var usedTerms: TermMatcher.Used?
    private var linkDepth = 0
    private var fencedNodes: [(node: OpaquePointer, html: String)] = []
    private var callouts: [(node: OpaquePointer, kind: CalloutKind, marker: OpaquePointer)] = []
    private var skippedText: Set<OpaquePointer> = []

    private var headingText: String? = nil
    private var headingLastText: OpaquePointer? = nil
    private var imageText: String? = nil

    init(options: MarkdownOptions, columns: ColumnMap) {
        self.options = options
        self.columns = columns
    }

    private func line(_ node: OpaquePointer) -> Int {
        Int(cmark_node_get_start_line(node)) + options.lineOffset
    }

    private func column(_ node: OpaquePointer) -> Int {
        columns.characterColumn(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node))) + options.columnOffset
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private mutating func appendText(_ text: String) {
        if headingText != nil {
            headingText! += text
        } else if imageText != nil {
            imageText! += text
        } else {
            currentText.append(contentsOf: text.utf8)
        }
    }

    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if headingText != nil || imageText != nil {
            appendText(String(decoding: bytes, as: UTF8.self))
        } else {
            currentText.append(contentsOf: bytes)
        }
    }

    /// A node's literal as UTF-8 bytes, valid while the tree is.
    private func bytes(_ pointer: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
    }

    /// The current section, its gathered text collapsed.
    private mutating func finishedSection() -> TextSection {
        let text = currentText.withUnsafeBufferPointer(String.collapsingSpaces)
        currentText.removeAll(keepingCapacity: true)
        return TextSection(headingID: current.headingID, title: current.title, text: text)
    }

    mutating func walk(_ doc: OpaquePointer) {
        guard let iter = cmark_iter_new(doc) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                if entering {
                    headingText = ""
                    headingLastText = nil
                } else {
                    finishHeading(node)
                }
            case CMARK_NODE_TEXT:
                if skippedText.contains(node) { continue }
                if headingText != nil { headingLastText = node }
                let pointer = cmark_node_get_literal(node)
                let literal = bytes(pointer)
                if let terms = options.terms, headingText == nil, imageText == nil, linkDepth == 0 {
                    collectTerms(node, literal, terms)
                }
                // libc's strchr, not the generic `contains` over the String's UTF-8 view, which
                // was a tenth of walking the tree.
                if let pointer, strchr(pointer, Int32(UInt8(ascii: "]"))) != nil { reportSpaceInDestination(in: string(pointer), node: node) }
                appendText(literal)
            case CMARK_NODE_CODE:
                appendText(bytes(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                appendText(" ")
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM:
                if !entering { appendText(" ") }
            case CMARK_NODE_CUSTOM_INLINE:
                // A table's cells (the only custom nodes in rows before the rewrite) are words apart.
                if !entering, let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_CUSTOM_BLOCK { appendText(" ") }
            case CMARK_NODE_CODE_BLOCK:
                codeBlock(node)
            case CMARK_NODE_BLOCK_QUOTE:
                if entering { detectCallout(node) }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !options.allowRawHTML {
                    diagnostics.append(MarkdownDiagnostic(
                        severity: .warning, line: line(node), column: column(node),
                        message: "raw HTML left out: it is off unless allow_raw_html is true in site.yml",
                        catalogued: MessageReference("W0712")
                    ))
                }
            case CMARK_NODE_LINK:
                if entering {
                    collectLink(node, kind: .link)
                    linkDepth += 1
                } else {
                    linkDepth -= 1
                }
            case CMARK_NODE_IMAGE:
                if entering {
                    imageText = ""
                } else {
                    collectLink(node, kind: .image)
                    imageText = nil
                }
            default:
                break
            }
        }
    }

    /// `[図](画像/バックアップ 図.png)`: a space ends a link's destination in CommonMark, so this
    /// is no link, only text on the page, which cmark hands over as one text node.
    private mutating func reportSpaceInDestination(in literal: String, node: OpaquePointer) {
        let bytes = Array(literal.utf8)
        var i = 0
        while i + 1 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "]"), bytes[i + 1] == UInt8(ascii: "("),
                  let open = bytes[..<i].lastIndex(of: UInt8(ascii: "[")),
                  let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ")")) else { continue }
            let destination = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
            guard destination.unicodeScalars.contains(where: { $0 == " " || $0 == "\u{3000}" }) else { continue }
            let start = open > 0 && bytes[open - 1] == UInt8(ascii: "!") ? open - 1 : open
            diagnostics.append(MarkdownDiagnostic(
                // Columns count characters, as every other diagnostic's.
                severity: .warning, line: line(node), column: column(node) + String(decoding: bytes[..<start], as: UTF8.self).count,
                message: "'(\(destination))' is not a link: a link's address may not hold a space; write %20 for it, or put the address in <…>",
                catalogued: MessageReference("W0724", [MessageReference.Argument(name: "destination", value: destination)])
            ))
            i = close
        }
    }

    private mutating func collectLink(_ node: OpaquePointer, kind: LinkReference.Kind) {
        links.append(LinkReference(
            kind: kind,
            destination: string(cmark_node_get_url(node)),
            title: string(cmark_node_get_title(node)),
            text: imageText ?? "",
            line: line(node),
            column: column(node)
        ))
        linkNodes.append((node, links.count - 1))
    }

    private mutating func collectTerms(_ node: OpaquePointer, _ bytes: UnsafeBufferPointer<UInt8>, _ terms: TermMatcher) {
        var used = usedTerms ?? terms.unused()
        let uses = terms.uses(inUTF8: bytes, skipping: &used)
        usedTerms = used
        guard !uses.isEmpty else { return }
        var places: [(range: Range<Int>, index: Int)] = []
        for use in uses {
            links.append(LinkReference(kind: .term, destination: terms.terms[use.term].destination, title: "",
                                       text: String(decoding: bytes[use.range], as: UTF8.self),
                                       line: line(node), column: column(node)))
            places.append((use.range, links.count - 1))
        }
        termUses.append((node, places))
    }

    private mutating func finishHeading(_ node: OpaquePointer) {
        var text = headingText ?? ""
        headingText = nil
        var id: String? = nil
        var suffixLength = 0
        if let explicit = ExplicitID(parsing: text) {
            if HeadingID.isValidExplicit(explicit.id) {
                id = explicit.id
                suffixLength = explicit.suffixLength
                text = explicit.remainder
            } else {
                diagnostics.append(MarkdownDiagnostic(
                    severity: .error, line: line(node), column: column(node),
                    message: "heading id '{#\(explicit.id)}' must start with an ASCII letter and hold only ASCII letters, digits, '-' and '_'",
                    catalogued: MessageReference("E0713", [.init(name: "written", value: "{#\(explicit.id)}")])
                ))
            }
        }
        let trimmed = text.trimmingSpaces()
        let wanted = id ?? HeadingID.slug(trimmed)
        if let explicitID = id, ids.isClaimed(explicitID) {
            diagnostics.append(MarkdownDiagnostic(
                severity: .error, line: line(node), column: column(node),
                message: "heading id '\(explicitID)' is used twice on this page",
                catalogued: MessageReference("E0714", [.init(name: "id", value: explicitID)])
            ))
        }
        let unique = ids.claim(wanted)
        let level = Int(cmark_node_get_heading_level(node))
        headings.append(Heading(level: level, text: trimmed, id: unique, line: line(node)))
        headingNodes.append((node, level, unique, headingLastText, suffixLength))
        sections.append(finishedSection())
        current = TextSection(headingID: unique, title: trimmed, text: "")
    }

    private mutating func codeBlock(_ node: OpaquePointer) {
        let info = string(cmark_node_get_fence_info(node)).trimmingSpaces()
        let literal = string(cmark_node_get_literal(node))
        let name = info.prefix { !$0.isWhitespace }
        guard !name.isEmpty, let renderer = options.fencedBlockRenderers[String(name)] else {
            appendText(literal + " ")
            return
        }
        let block = FencedBlock(
            info: String(name),
            arguments: String(info.dropFirst(name.count)).trimmingSpaces(),
            literal: literal,
            firstLine: line(node) + 1
        )
        do {
            let output = try renderer(block)
            fencedNodes.append((node, output.html))
            appendText(output.text + " ")
        } catch {
            diagnostics.append(MarkdownDiagnostic(severity: .error, line: error.line, column: 1, message: error.message, catalogued: error.catalogued))
        }
    }

    private mutating func detectCallout(_ node: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(node),
              cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let marker = cmark_node_first_child(paragraph),
              cmark_node_get_type(marker) == CMARK_NODE_TEXT,
              let kind = CalloutKind(marker: string(cmark_node_get_literal(marker)).trimmingSpaces())
        else { return }
        if let next = cmark_node_next(marker), cmark_node_get_type(next) != CMARK_NODE_SOFTBREAK,
           cmark_node_get_type(next) != CMARK_NODE_LINEBREAK {
            return
        }
        skippedText.insert(marker)
        callouts.append((node, kind, marker))
    }

    mutating func finishedSections() -> [TextSection] {
        var all = sections
        all.append(finishedSection())
        return all.filter { $0.headingID != nil || !$0.text.isEmpty }
    }

    /// Rewrites after the walk: headings gain ids, links become slots, registered fenced blocks
    /// become their HTML, callout quotes become asides.
    func rewrite() {
        for heading in headingNodes {
            if heading.explicitSuffixLength > 0, let text = heading.lastText {
                let literal = string(cmark_node_get_literal(text))
                let kept = String(literal.dropLast(heading.explicitSuffixLength)).trimmingTrailingSpaces()
                cmark_node_set_literal(text, kept)
            }
            let id = HTMLText.attribute(heading.id)
            replace(heading.node, enter: "<h\(heading.level) id=\"\(id)\">", exit: "</h\(heading.level)>", block: true, keepChildren: true)
        }
        for (node, index) in linkNodes {
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            replace(node, enter: LinkSlots.open(index), exit: isImage ? "" : LinkSlots.close(index), block: false, keepChildren: !isImage)
        }
        for text in termUses { splitTerms(text.node, text.uses) }
        for block in fencedNodes {
            replace(block.node, enter: block.html, exit: "", block: true, keepChildren: false)
        }
        for callout in callouts {
            if let next = cmark_node_next(callout.marker) {
                cmark_node_free(next)  // the line break after the marker
            }
            let paragraph = cmark_node_parent(callout.marker)
            cmark_node_free(callout.marker)
            if let paragraph, cmark_node_first_child(paragraph) == nil {
                cmark_node_free(paragraph)
            }
            replace(callout.node, enter: callout.kind.openingHTML, exit: "</aside>", block: true, keepChildren: true)
        }
    }

    /// The text node keeps what comes before the first use; each use becomes a link slot holding
    /// its word, followed by the text up to the next use.
    private func splitTerms(_ node: OpaquePointer, _ uses: [(range: Range<Int>, index: Int)]) {
        splitText(node, at: uses.map(\.range)) { i, text in
            guard let slot = cmark_node_new(CMARK_NODE_CUSTOM_INLINE), let word = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
            cmark_node_set_on_enter(slot, LinkSlots.open(uses[i].index))
            cmark_node_set_on_exit(slot, LinkSlots.close(uses[i].index))
            cmark_node_set_literal(word, text)
            cmark_node_append_child(slot, word)
            return slot
        }
    }

    private func replace(_ node: OpaquePointer, enter: String, exit: String, block: Bool, keepChildren: Bool) {
        guard let custom = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(custom, enter)
        cmark_node_set_on_exit(custom, exit)
        if keepChildren {
            while let child = cmark_node_first_child(node) {
                cmark_node_append_child(custom, child)
            }
        }
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }
}

private extension HeadingIDAllocator {
    func isClaimed(_ id: String) -> Bool { claimedIDs.contains(id) }
}

/// `Heading text {#id}`: an explicit id, written as some Markdown dialects do.
struct ExplicitID {
    var id: String
    var remainder: String
    /// In Characters.
    var suffixLength: Int

    init?(parsing text: String) {
        if let valid = ExplicitID(validASCIISuffixOf: text) {
            self = valid
        } else {
            self.init(byCharacters: text)
        }
    }

    /// The common case read as bytes: ` {#ascii-id}` at the very end, after an ASCII byte (so no
    /// prepended mark joins the brace), followed only by spaces or tabs. Every byte of that
    /// suffix is a Character of its own, so this is what `byCharacters` finds, without
    /// Foundation's search or counting the heading's Characters; anything else goes there.
    init?(validASCIISuffixOf text: String) {
        var text = text
        guard let found = text.withUTF8({ u -> (open: Int, close: Int, end: Int)? in
            var end = u.count
            while end > 0, u[end - 1] == 0x20 || u[end - 1] == 0x09 { end -= 1 }
            guard end > 0, u[end - 1] == UInt8(ascii: "}") else { return nil }
            var start = end - 1
            while start > 0, Self.isIDByte(u[start - 1]) { start -= 1 }
            // `{#` before the id, which starts with a letter; before them an ASCII byte or nothing.
            guard start >= 2, start < end - 1, u[start - 1] == UInt8(ascii: "#"), u[start - 2] == UInt8(ascii: "{"),
                  (u[start] | 0x20) >= UInt8(ascii: "a"), (u[start] | 0x20) <= UInt8(ascii: "z"),
                  start == 2 || u[start - 3] < 0x80
            else { return nil }
            return (start - 2, end - 1, u.count)
        }) else { return nil }
        let utf8 = text.utf8
        let index = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
        id = String(text[index(found.open + 2)..<index(found.close)])
        remainder = String(text[..<index(found.open)])
        suffixLength = found.end - found.open
    }

    private static func isIDByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    init?(byCharacters text: String) {
        let trimmed = text.trimmingTrailingSpaces()
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
        id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        remainder = String(trimmed[..<open.lowerBound])
        suffixLength = trimmed.distance(from: open.lowerBound, to: trimmed.endIndex) + (text.count - trimmed.count)
    }
}

private enum CalloutKind {
    case note, warning

    init?(marker: String) {
        switch marker.uppercased() {
        case "[!NOTE]": self = .note
        case "[!WARNING]": self = .warning
        default: return nil
        }
    }

    var openingHTML: String {
        switch self {
        case .note: "<aside class=\"callout callout-note\" aria-label=\"補足\"><p class=\"callout-title\">補足</p>\n"
        case .warning: "<aside class=\"callout callout-warning\" aria-label=\"注意\"><p class=\"callout-title\">注意</p>\n"
        }
    }
}
