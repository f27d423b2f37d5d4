/// Escaping for the two HTML contexts the tool writes by hand.
public enum HTMLText {
    /// Text content: `&`, `<`, `>`.
    public static func escape(_ text: String) -> String {
        replacing(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            default: nil
            }
        }
    }

    /// A double- or single-quoted attribute value.
    public static func attribute(_ text: String) -> String {
        replacing(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }

    /// Decided on UTF-8 bytes: every character replaced is ASCII, so a text without one (most
    /// of them) is returned as it is after a byte scan, and the rest is copied a run at a time.
    /// The scalar-by-scalar form was a third of the ```table blocks' rendering.
    private static func replacing(_ text: String, _ replacement: (UInt8) -> StaticString?) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            guard let first = utf8.firstIndex(where: { replacement($0) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 32)
            var run = 0  // where the bytes not yet copied start
            for i in first..<utf8.count {
                guard let r = replacement(utf8[i]) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: r.utf8Start, count: r.utf8CodeUnitCount))
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }
}
