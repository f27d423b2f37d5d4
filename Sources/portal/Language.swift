import Foundation

/// The language of the command's own words: Japanese when the locale is (`LC_ALL`, then
/// `LC_MESSAGES`, then `LANG` = ja_*), English otherwise.
enum Language {
    case ja, en

    static let current: Language = {
        let env = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty { return value.hasPrefix("ja") ? .ja : .en }
        }
        return .en
    }()

    /// The text in the current language.
    static func text(ja: String, en: String) -> String { current == .ja ? ja : en }
}
