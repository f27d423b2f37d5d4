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
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
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
