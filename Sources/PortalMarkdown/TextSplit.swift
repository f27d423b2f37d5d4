import CCmark

/// Replaces parts of a text node: the node keeps what precedes the first range, each range
/// (byte offsets into its literal, in order, not overlapping) becomes the node `wrap` makes of
/// the range's index and text, and the text between and after the ranges stays text. Term links
/// and bare-URL links both rewrite text this way.
func splitText(_ node: OpaquePointer, at ranges: [Range<Int>], wrap: (Int, String) -> OpaquePointer?) {
    guard let first = ranges.first else { return }
    let bytes = Array((cmark_node_get_literal(node).map { String(cString: $0) } ?? "").utf8)
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    cmark_node_set_literal(node, text(0..<first.lowerBound))
    var last = node
    for (i, range) in ranges.enumerated() {
        guard let made = wrap(i, text(range)) else { return }
        cmark_node_insert_after(last, made)
        last = made
        let end = i + 1 < ranges.count ? ranges[i + 1].lowerBound : bytes.count
        if range.upperBound < end, let rest = cmark_node_new(CMARK_NODE_TEXT) {
            cmark_node_set_literal(rest, text(range.upperBound..<end))
            cmark_node_insert_after(last, rest)
            last = rest
        }
    }
}
