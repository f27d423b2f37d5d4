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
        guard text.unicodeScalars.contains(where: isMarker) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isMarker($0) })
        return String(scalars)
    }

    private static func isMarker(_ s: Unicode.Scalar) -> Bool {
        s == start || s == openEnd || s == closeEnd
    }

    static func fill(_ html: String, with markup: [LinkMarkup]) -> String {
        var out = String.UnicodeScalarView()
        var number: Int? = nil
        for scalar in html.unicodeScalars {
            if scalar == start {
                number = 0
            } else if var n = number {
                if let digit = scalar.properties.numericType != nil ? Int(String(scalar)) : nil {
                    n = n * 10 + digit
                    number = n
                } else {
                    if n < markup.count {
                        out.append(contentsOf: (scalar == openEnd ? markup[n].open : markup[n].close).unicodeScalars)
                    }
                    number = nil
                }
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
