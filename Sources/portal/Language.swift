import Foundation
import PortalKit

/// Which `MessageLanguage` the command speaks: Japanese when the locale is (`LC_ALL`, then
/// `LC_MESSAGES`, then `LANG` = ja_*) or `--lang ja`, English otherwise.
enum Language {
    /// Set once, from `--lang`, before any command runs.
    nonisolated(unsafe) static var chosen: MessageLanguage?

    static var current: MessageLanguage { chosen ?? fromLocale }

    private static let fromLocale: MessageLanguage = {
        let env = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty { return value.hasPrefix("ja") ? .ja : .en }
        }
        return .en
    }()

    /// The text in the current language.
    static func text(ja: String, en: String) -> String { current == .ja ? ja : en }
}

extension Language {
    /// Takes `--lang ja|en` (or `--lang=…`) out of the arguments, wherever it is; nil when the
    /// value is neither (a usage error).
    static func take(from arguments: inout [String]) -> Bool {
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            var value: String?
            if argument == "--lang" {
                guard i + 1 < arguments.count else { return false }
                value = arguments[i + 1]
                arguments.removeSubrange(i...(i + 1))
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
                arguments.remove(at: i)
            } else if argument == "--" {
                break
            } else {
                i += 1
                continue
            }
            switch value {
            case "ja": chosen = .ja
            case "en": chosen = .en
            default: return false
            }
        }
        return true
    }
}
