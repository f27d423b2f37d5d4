import Foundation

/// Heading ids that stay the same while the heading text does: derived from the text alone,
/// readable in Japanese, and unique within a page.
public enum HeadingID {
    /// NFKC, lower case, spaces to hyphens; letters and digits of any script survive, other
    /// punctuation goes.
    public static func slug(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let props = scalar.properties
            if props.isWhitespace || scalar == "-" || scalar == "_" {
                pendingHyphen = !result.isEmpty
                continue
            }
            if props.isAlphabetic || props.numericType != nil {
                if pendingHyphen { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result.isEmpty ? "section" : result
    }

    /// Explicit ids written as `{#id}` at the end of a heading: ASCII letters, digits, `-`, `_`.
    public static func isValidExplicit(_ id: String) -> Bool {
        // ASCII only, so by bytes: the ASCII scalars that are Alphabetic are the 52 letters.
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        guard let first = id.utf8.first, isLetter(first) else { return false }
        return id.utf8.allSatisfy { isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}

/// Hands out unique ids in document order: the second "概要" becomes "概要-1".
struct HeadingIDAllocator {
    private(set) var claimedIDs: Set<String> = []

    mutating func claim(_ wanted: String) -> String {
        var candidate = wanted
        var n = 1
        while claimedIDs.contains(candidate) {
            candidate = "\(wanted)-\(n)"
            n += 1
        }
        claimedIDs.insert(candidate)
        return candidate
    }
}
