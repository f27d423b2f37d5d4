import Foundation

/// How the registry CSV is encoded. Excel in Japan saves "CSV" as Shift_JIS (CP932), so the
/// default detects: a UTF-8 BOM or valid UTF-8 is UTF-8, otherwise CP932 is tried.
public enum TextEncodingChoice: String, Sendable, Hashable, Codable {
    case auto
    case utf8 = "utf-8"
    case shiftJIS = "shift_jis"

    public init?(configValue: String) {
        switch configValue.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "shift-jis", "sjis", "cp932", "windows-31j": self = .shiftJIS
        default: return nil
        }
    }
}

enum CSVDecoding {
    struct Failure: Error, Equatable {
        var message: Message
    }

    static func decode(_ data: Data, as choice: TextEncodingChoice) throws(Failure) -> String {
        let normalize = { (s: String) in s.contains("\r\n") ? s.replacingOccurrences(of: "\r\n", with: "\n") : s }
        let utf8 = { () -> String? in
            var bytes = data[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            return String(validating: bytes, as: UTF8.self)
        }
        switch choice {
        case .utf8:
            guard let text = utf8() else { throw Failure(message: .undecodableCSV(choice)) }
            return normalize(text)
        case .shiftJIS:
            guard let text = String(data: data, encoding: .shiftJIS) else {
                throw Failure(message: .undecodableCSV(choice))
            }
            return normalize(text)
        case .auto:
            if let text = utf8() { return normalize(text) }
            if let text = String(data: data, encoding: .shiftJIS) { return normalize(text) }
            throw Failure(message: .undecodableCSV(choice))
        }
    }
}
