/// A group of contacts in `contacts.yml` (e.g. 被害発生時の通報・相談).
public struct ContactGroup: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var description: String
    public var entries: [ContactEntry]
}

/// One organisation or person to contact, and when.
public struct ContactEntry: Sendable, Hashable, Codable {
    public var organization: String
    public var department: String
    /// When to contact them: shown first.
    public var purpose: String
    public var phone: PhoneNumber?
    /// Shown beside the number, never dialled.
    public var extension_: String
    public var email: String
    public var url: String
    public var hours: String
    public var notes: String
    /// Shipped as an example for the company to fill in; reported until it is.
    public var placeholder: Bool
    public var line: Int
}

/// A Japanese phone number as written (`03-3501-1511`), and its `tel:` form (`tel:+81-3-3501-1511`).
public struct PhoneNumber: Sendable, Hashable, Codable {
    public let display: String
    public let telURI: String

    /// Digits and hyphens, optionally a leading +81 (full-width digits are folded first).
    /// The other ways Japanese numbers are written are read as hyphens: a dash an IME gives in
    /// place of "-" (the long-vowel mark ー looks the same in most Japanese fonts), the area code
    /// in parentheses (`(03)3501-1511`, `03(3501)1511`) and spaces. Between digits they can
    /// mean nothing else; the number is shown with hyphens.
    public init?(_ raw: String) {
        var text = ""
        for scalar in SearchText.fold(raw).trimmed().unicodeScalars {
            let separator = scalar == "-" || Self.dashes.contains(scalar) || scalar == "(" || scalar == ")" || scalar == " "
            if !separator { text.unicodeScalars.append(scalar) } else if !text.isEmpty, !text.hasSuffix("-"), text != "+81" { text += "-" }
        }
        if text.hasSuffix("-") { text.removeLast() }
        let body: Substring
        let international: Bool
        if text.hasPrefix("+81") {
            body = text.dropFirst(3)
            international = true
        } else {
            body = Substring(text)
            international = false
        }
        // Separators were made single hyphens between digits above.
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
        let digits = body.filter(\.isNumber)
        // The national number, without its leading 0: nine digits, or ten for the few ranges
        // that have them (a digit typed twice in a landline number is not one of them).
        let national = international ? digits[...] : digits.dropFirst()
        guard international ? !body.hasPrefix("0") : body.hasPrefix("0"),
              national.count == 9 || (national.count == 10 && Self.tenDigitRanges.contains { national.hasPrefix($0) })
        else { return nil }
        telURI = "tel:+81-" + (international ? body : body.dropFirst())
        display = text
    }

    /// Ranges whose numbers have ten digits after the 0: mobiles (070, 080, 090), IP phones
    /// (050), 020 and 060, and the 0800 free dial.
    private static let tenDigitRanges = ["70", "80", "90", "50", "20", "60", "800"]

    /// ー (and ｰ, which folds to it), the hyphens and dashes U+2010–U+2015, and the minus sign.
    private static let dashes: Set<Unicode.Scalar> = ["\u{30FC}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}"]
}
