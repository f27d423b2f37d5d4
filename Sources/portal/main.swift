import ArgumentParser
import Foundation

// Usage errors exit 2 (ArgumentParser's default is 64); content errors exit 1.
var arguments = Array(CommandLine.arguments.dropFirst())
guard Language.take(from: &arguments) else {
    Console.error(Language.text(ja: "エラー: --lang には ja か en を指定してください", en: "Error: --lang takes ja or en"))
    exit(2)
}
// `portal help build` is `portal build --help`, so that `portal help biuld` is the usage error
// `portal biuld` is (ArgumentParser printed the top-level help for it, and exited 0).
if arguments.count > 1, arguments[0] == "help" {
    let asked = Array(arguments.dropFirst())
    // With a word that is no command, ArgumentParser would still print help for `--help`.
    let named = UsageHint.command(for: asked).1.count == asked.count
    arguments = asked + (named ? ["--help"] : [])
}
do {
    let command = try Portal.parseAsRoot(arguments)
    try await CommandRunner.run(command)
} catch {
    let code = Portal.exitCode(for: error)
    let message = Portal.fullMessage(for: error)
    if code == .success {
        let isHelp = arguments.contains { $0 == "--help" || $0 == "-h" } || arguments.isEmpty
        if !message.isEmpty { print(isHelp && Language.current == .ja ? HelpText.japanese(for: arguments) : message) }
        exit(0)
    }
    let usage = code == .validationFailure
    if !message.isEmpty { Console.error(usage ? UsageHint.message(for: error, arguments: arguments, original: message) : message) }
    exit(usage ? 2 : code.rawValue)
}

enum CommandRunner {
    static func run(_ command: any ParsableCommand) async throws {
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await runAsync(&asyncCommand)
        } else {
            var sync = command
            try sync.run()
        }
    }

    private static func runAsync<C: AsyncParsableCommand>(_ command: inout C) async throws {
        try await command.run()
    }
}
