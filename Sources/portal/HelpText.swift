import ArgumentParser

/// Help in Japanese under a Japanese locale: the descriptions are written in both languages,
/// but ArgumentParser's own frame (OVERVIEW:, OPTIONS:, "(default: …)") is English, and it
/// wraps lines at spaces, which in Japanese fall in the middle of a phrase.
enum HelpText {
    /// The help of the command `arguments` name, not wrapped (a terminal wraps Japanese
    /// anywhere), with the frame in Japanese.
    static func japanese(for arguments: [String]) -> String {
        let (command, _) = UsageHint.command(for: arguments)
        return translate(Portal.helpMessage(for: command, columns: 10_000))
    }

    static func translate(_ help: String) -> String {
        var text = help
        for (english, japanese) in frame { text = text.replacingOccurrences(of: english, with: japanese) }
        // Any command's: `See 'portal help new <subcommand>' for detailed help.`
        text.replace(/See '(portal help [^']*)<subcommand>' for detailed help\./) { "コマンドごとの説明は '\($0.1)<コマンド>' で表示します。" }
        text = text.replacingOccurrences(of: " <subcommand>", with: " <コマンド>")
        text.replace(/\ ?\(values: ([^;)]*); default: ([^)]*)\)/) { "（選べる値: \($0.1)。既定: \($0.2)）" }
        text.replace(/\ ?\(values: ([^)]*)\)/) { "（選べる値: \($0.1)）" }
        text.replace(/\ ?\(default: ([^)]*)\)/) { "（既定: \($0.1)）" }
        return text
    }

    private static let frame: [(String, String)] = [
        ("OVERVIEW: ", "概要: "), ("USAGE: ", "使い方: "), ("ARGUMENTS:", "引数:"), ("OPTIONS:", "オプション:"),
        ("SUBCOMMANDS:", "コマンド:"), ("Show the version.", "バージョンを表示します。"),
        ("Show help information.", "この説明を表示します。"),
    ]
}
