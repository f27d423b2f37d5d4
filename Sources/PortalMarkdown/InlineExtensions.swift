import CCmark
import Foundation

/// The rest of GitHub Flavored Markdown that people write without thinking of it, on libcmark's
/// tree: task list items (`- [ ]`, `- [x]`), bare URLs and e-mail addresses as links, and
/// `~~strikethrough~~`. Applied before the tree is read, so the links made here are checked and
/// rewritten like any other.
///
/// One deliberate difference from GFM: a bare URL ends at the first character that is not ASCII.
/// Japanese has no spaces, and 「https://www.ipa.go.jp/を参照」 means the address without を参照.
enum InlineExtensions {
    /// Whether `source` could hold anything these extensions rewrite: most pages hold none, and
    /// a scan of their bytes is far cheaper than a walk of their tree.
    static func mayApply(to source: String) -> Bool {
        var bytes = source.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "~"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"): return true
            default: continue
            }
        }
        return false
    }

    static func apply(_ doc: OpaquePointer) {
        cmark_consolidate_text_nodes(doc)
        var items: [OpaquePointer] = []
        var texts: [OpaquePointer] = []
        var parents: [OpaquePointer] = []
        var seenParents: Set<OpaquePointer> = []
        guard let iter = cmark_iter_new(doc) else { return }
        var linkDepth = 0
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_ITEM where entering: items.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: linkDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT:
                guard let literal = cmark_node_get_literal(node) else { break }
                if linkDepth == 0, mayHoldLink(literal) { texts.append(node) }
                if strchr(literal, Int32(UInt8(ascii: "~"))) != nil, let parent = cmark_node_parent(node), seenParents.insert(parent).inserted {
                    parents.append(parent)
                }
            default: break
            }
        }
        cmark_iter_free(iter)
        for item in items { taskMarker(item) }
        for text in texts { autolink(text) }
        for parent in parents { strikethrough(in: parent) }
    }

    // MARK: Task lists

    private static func taskMarker(_ item: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT else { return }
        let literal = string(text)
        let done: Bool
        if literal.hasPrefix("[ ] ") || literal == "[ ]" { done = false }
        else if literal.hasPrefix("[x] ") || literal.hasPrefix("[X] ") || literal == "[x]" || literal == "[X]" { done = true }
        else { return }
        cmark_node_set_literal(text, String(literal.dropFirst(min(4, literal.count))))
        guard let mark = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(mark, done
            ? "<span class=\"task-mark done\" role=\"img\" aria-label=\"済\">☑</span> "
            : "<span class=\"task-mark\" role=\"img\" aria-label=\"未\">☐</span> ")
        cmark_node_set_on_exit(mark, "")
        cmark_node_insert_before(text, mark)
    }

    // MARK: Bare URLs and e-mail addresses

    private static func mayHoldLink(_ literal: UnsafePointer<CChar>) -> Bool {
        strstr(literal, "http") != nil || strstr(literal, "www.") != nil || strchr(literal, Int32(UInt8(ascii: "@"))) != nil
    }

    /// A link found in text: its byte range and where it points.
    struct Found: Equatable {
        var range: Range<Int>
        var destination: String
    }

    /// Every bare URL (`http://`, `https://`, `www.`) and e-mail address in `bytes`.
    static func links(in bytes: [UInt8]) -> [Found] {
        var found: [Found] = []
        var i = 0
        while i < bytes.count {
            let atBoundary = i == 0 || !isASCIIWordByte(bytes[i - 1])
            if atBoundary, let end = url(bytes, from: i) {
                let text = String(decoding: bytes[i..<end], as: UTF8.self)
                found.append(Found(range: i..<end, destination: text.hasPrefix("www.") ? "http://" + text : text))
                i = end
                continue
            }
            if bytes[i] == UInt8(ascii: "@"), let (start, end) = email(bytes, at: i), found.last.map({ $0.range.upperBound <= start }) ?? true {
                found.append(Found(range: start..<end, destination: "mailto:" + String(decoding: bytes[start..<end], as: UTF8.self)))
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    private static func url(_ bytes: [UInt8], from start: Int) -> Int? {
        func hasPrefix(_ prefix: String) -> Bool {
            let p = Array(prefix.utf8)
            return start + p.count <= bytes.count && zip(bytes[start...], p).allSatisfy { $0.0 | 0x20 == $0.1 | 0x20 }
        }
        let scheme = hasPrefix("https://") ? 8 : hasPrefix("http://") ? 7 : hasPrefix("www.") ? 0 : -1
        guard scheme >= 0 else { return nil }
        var end = start + scheme
        while end < bytes.count, bytes[end] > 0x20, bytes[end] < 0x7F, bytes[end] != UInt8(ascii: "<") { end += 1 }
        // Trailing punctuation belongs to the sentence; a closing parenthesis only if unmatched.
        while end > start + scheme {
            let last = bytes[end - 1]
            if "?!.,:*_~'\";".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let opens = bytes[start..<end].count { $0 == UInt8(ascii: "(") }, closes = bytes[start..<end].count { $0 == UInt8(ascii: ")") }
                if closes > opens { end -= 1 } else { break }
            } else {
                break
            }
        }
        // The host needs a dot (www.example.jp, not www.).
        let host = bytes[(start + (scheme == 0 ? 0 : scheme))..<end].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        let dotted = scheme == 0 ? host.dropFirst(4) : host[...]
        guard dotted.contains(UInt8(ascii: ".")) || (scheme > 0 && !host.isEmpty), dotted.last != UInt8(ascii: "."),
              end > start + scheme + (scheme == 0 ? 4 : 0) else { return nil }
        return end
    }

    private static func email(_ bytes: [UInt8], at at: Int) -> (Int, Int)? {
        func local(_ b: UInt8) -> Bool { isASCIIAlnum(b) || ".+-_".utf8.contains(b) }
        var start = at
        while start > 0, local(bytes[start - 1]) { start -= 1 }
        guard start < at, start == 0 || !isASCIIWordByte(bytes[start - 1]) || bytes[start - 1] >= 0x80 else { return nil }
        var end = at + 1
        var dots = 0
        while end < bytes.count, isASCIIAlnum(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "_") {
            if bytes[end] == UInt8(ascii: ".") { dots += 1 }
            end += 1
        }
        while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1; dots -= 1 }
        guard dots > 0, end > at + 1, bytes[end - 1] != UInt8(ascii: "-"), bytes[end - 1] != UInt8(ascii: "_") else { return nil }
        return (start, end)
    }

    private static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    /// A byte that continues an ASCII word: a URL glued to one (`xhttp://`) is not a link.
    private static func isASCIIWordByte(_ b: UInt8) -> Bool { isASCIIAlnum(b) || b == UInt8(ascii: "_") }

    private static func autolink(_ node: OpaquePointer) {
        let found = links(in: Array(string(node).utf8))
        splitText(node, at: found.map(\.range)) { i, text in
            guard let anchor = cmark_node_new(CMARK_NODE_LINK), let label = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
            cmark_node_set_url(anchor, found[i].destination)
            cmark_node_set_literal(label, text)
            cmark_node_append_child(anchor, label)
            return anchor
        }
    }

    // MARK: Strikethrough

    /// `~~` pairs among one node's children: an opening run is followed by a non-space, a closing
    /// one preceded by one; runs of other lengths are text.
    private static func strikethrough(in parent: OpaquePointer) {
        var markers: [(node: OpaquePointer, offset: Int, opens: Bool, closes: Bool)] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_TEXT {
                let bytes = Array(string(node).utf8)
                var i = 0
                while i < bytes.count {
                    guard bytes[i] == UInt8(ascii: "~") else { i += 1; continue }
                    var j = i
                    while j < bytes.count, bytes[j] == UInt8(ascii: "~") { j += 1 }
                    if j - i == 2 {
                        let opens = j < bytes.count ? !isSpace(bytes[j]) : cmark_node_next(node) != nil
                        let closes = i > 0 ? !isSpace(bytes[i - 1]) : cmark_node_previous(node) != nil
                        markers.append((node, i, opens, closes))
                    }
                    i = j
                }
            }
            child = cmark_node_next(node)
        }
        var pairs: [(open: Int, close: Int)] = []
        var open: Int?
        for (k, marker) in markers.enumerated() {
            if let o = open, marker.closes, !(marker.node == markers[o].node && marker.offset == markers[o].offset + 2) {
                pairs.append((o, k))
                open = nil
            } else if marker.opens {
                open = k
            }
        }
        // From the last pair back, so the nodes and offsets of earlier pairs stay as found.
        for (o, c) in pairs.reversed() {
            let opening = markers[o], closing = markers[c]
            // After the closing run, a node of its own; the run itself removed.
            let closingBytes = Array(string(closing.node).utf8)
            let after = text(closingBytes[(closing.offset + 2)...])
            cmark_node_set_literal(closing.node, text(closingBytes[..<closing.offset]))
            if !after.isEmpty, let rest = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(rest, after)
                cmark_node_insert_after(closing.node, rest)
            }
            // The opening node keeps what precedes its run; what follows begins the struck part.
            let openingBytes = Array(string(opening.node).utf8)
            guard let struck = cmark_node_new(CMARK_NODE_CUSTOM_INLINE), let first = cmark_node_new(CMARK_NODE_TEXT) else { return }
            cmark_node_set_on_enter(struck, "<del>")
            cmark_node_set_on_exit(struck, "</del>")
            cmark_node_set_literal(first, text(openingBytes[(opening.offset + 2)...]))
            cmark_node_set_literal(opening.node, text(openingBytes[..<opening.offset]))
            cmark_node_insert_after(opening.node, struck)
            cmark_node_append_child(struck, first)
            if opening.node != closing.node {
                // Everything up to and including the closing node moves inside.
                while let next = cmark_node_next(struck) {
                    cmark_node_append_child(struck, next)
                    if next == closing.node { break }
                }
            }
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") }

    private static func string(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
