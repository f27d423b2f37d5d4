/// Links are rendered as numbered slots so that one parse serves both extraction and output:
/// the site decides what each link becomes only after every page's headings are known.
/// Noncharacters mark the slots; the renderer strips them from the input so content cannot forge one.
enum LinkSlots {
    static let start = Unicode.Scalar(0xFDD0)!
    static let openEnd = Unicode.Scalar(0xFDD1)!
    static let closeEnd = Unicode.Scalar(0xFDD2)!

    static func open(_ index: Int) -> String { "\(Character(start))\(index)\(Character(openEnd))" }
    static func close(_ index: Int) -> String { "\(Character(start))\(index)\(Character(closeEnd))" }

    static func stripMarkers(_ text: String) -> String {
        guard holdsMarker(text) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isMarker($0) })
        return String(scalars)
    }

    /// Whether a marker's bytes (EF B7 90–92) are in the text: a byte scan, where asking each
    /// scalar was 0.7 % of a 10,000-page build's CPU (every page's source passes here).
    static func holdsMarker(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while let lead = b[i...].firstIndex(of: 0xEF) {
                if lead + 2 < b.count, b[lead + 1] == 0xB7, (0x90...0x92).contains(b[lead + 2]) { return true }
                i = lead + 1
            }
            return false
        }
    }

    private static func isMarker(_ s: Unicode.Scalar) -> Bool {
        s == start || s == openEnd || s == closeEnd
    }

    /// Works on UTF-8 bytes: the markers are EF B7 90 (start), EF B7 91 (open) and EF B7 92
    /// (close) around ASCII digits, so a byte scan finds them without decoding the page, and the
    /// bytes between them are copied a run at a time.
    static func fill(_ html: String, with markup: [LinkMarkup]) -> String {
        guard !markup.isEmpty else { return html }
        var html = html
        let out = html.withUTF8 { bytes -> [UInt8] in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + markup.count * 64)
            let count = bytes.count
            var run = 0  // where the bytes not yet copied start
            var i = 0
            while let lead = bytes[i...].firstIndex(of: 0xEF) {
                i = lead
                if i + 2 < count, bytes[i + 1] == 0xB7, bytes[i + 2] == 0x90 {
                    var j = i + 3
                    var n = 0
                    while j < count, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                        n = n * 10 + Int(bytes[j] - 0x30)
                        j += 1
                    }
                    if j + 2 < count, bytes[j] == 0xEF, bytes[j + 1] == 0xB7, bytes[j + 2] == 0x91 || bytes[j + 2] == 0x92 {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                        if n < markup.count {
                            out.append(contentsOf: (bytes[j + 2] == 0x91 ? markup[n].open : markup[n].close).utf8)
                        }
                        i = j + 3
                        run = i
                        continue
                    }
                }
                i += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            return out
        }
        return String(decoding: out, as: UTF8.self)
    }
}
