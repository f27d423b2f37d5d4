import ArgumentParser
import PortalKit

/// A usage error's message with what was probably meant: a mistyped command (`portal biuld`)
/// or option (`--categroy`) gets the nearest real one, and under a Japanese locale the message
/// says so in Japanese.
enum UsageHint {
    static func message(for error: any Error, arguments: [String], original: String) -> String {
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return original }
        let (command, commandPath) = Self.command(for: arguments)
        var head = first
        if let word = quoted(first, after: "Unexpected argument '") ?? quoted(first, after: "Error: Unexpected argument '") {
            let names = command.configuration.subcommands.map { $0.configuration.commandName ?? "" }
            let near = names.isEmpty ? nil : Suggestion.closest(to: word, in: names)
            head = Language.text(ja: names.isEmpty ? "エラー: '\(word)' は使えない引数です。" : "エラー: '\(word)' というコマンドはありません。",
                                 en: "Error: Unexpected argument '\(word)'.")
            if let near { head += Language.text(ja: "もしかして 'portal \((commandPath + [near]).joined(separator: " "))'？", en: " Did you mean 'portal \((commandPath + [near]).joined(separator: " "))'?") }
        } else if let option = quoted(first, after: "Error: Unknown option '") {
            let known = options(of: command)
            head = Language.text(ja: "エラー: オプション '\(option)' はありません。", en: "Error: Unknown option '\(option)'.")
            if let near = Suggestion.closest(to: option, in: known) { head += Language.text(ja: "もしかして '\(near)'？", en: " Did you mean '\(near)'?") }
        } else if Language.current == .ja {
            head = "エラー: " + japanese(first.replacingOccurrences(of: "Error: ", with: ""))
        }
        var rest = Array(lines.dropFirst())
        if Language.current == .ja {
            rest = rest.map {
                $0.replacingOccurrences(of: "Usage: ", with: "使い方: ").replacingOccurrences(of: "See '", with: "詳しくは '")
                    .replacingOccurrences(of: "' for more information.", with: "' を見てください。").replacingOccurrences(of: "Help:  ", with: "説明: ")
            }
        }
        return ([head] + rest).joined(separator: "\n")
    }

    /// ArgumentParser's own messages for a missing or wrong value, in Japanese; others as they are.
    static func japanese(_ message: String) -> String {
        if let option = quoted(message, after: "Missing expected argument '") {
            return "'\(option)' を指定してください"
        }
        if let option = quoted(message, after: "Missing value for '") {
            return "'\(option)' の値がありません"
        }
        if let value = quoted(message, after: "The value '"),
           let option = quoted(String(message.dropFirst("The value '\(value)".count)), after: "' is invalid for '") {
            var text = "'\(option)' に '\(value)' は使えません"
            if let choices = message.range(of: "Please provide one of ") {
                let list = message[choices.upperBound...].dropLast(message.hasSuffix(".") ? 1 : 0)
                text += "。使える値: " + list.replacingOccurrences(of: " or ", with: ", ").replacingOccurrences(of: " and ", with: ", ")
            }
            return text
        }
        return message
    }

    /// The (sub)command the arguments name, and the names leading to it.
    static func command(for arguments: [String]) -> (ParsableCommand.Type, [String]) {
        var current: ParsableCommand.Type = Portal.self
        var path: [String] = []
        for argument in arguments where !argument.hasPrefix("-") {
            guard let next = current.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { break }
            current = next
            path.append(argument)
        }
        return (current, path)
    }

    private static func options(of command: ParsableCommand.Type) -> [String] {
        let help = command.helpMessage(columns: 200)
        var found: [String] = []
        var rest = Substring(help)
        while let range = rest.range(of: "--") {
            let name = rest[range.lowerBound...].prefix { $0 == "-" || $0.isLetter || $0.isNumber }
            if name.count > 2, !found.contains(String(name)) { found.append(String(name)) }
            rest = rest[range.upperBound...]
        }
        return found
    }

    private static func quoted(_ line: String, after prefix: String) -> String? {
        guard line.hasPrefix(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }
}
