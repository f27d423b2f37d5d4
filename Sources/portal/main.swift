import ArgumentParser
import Foundation

// Usage errors exit 2 (ArgumentParser's default is 64); content errors exit 1.
do {
    let command = try Portal.parseAsRoot()
    try await CommandRunner.run(command)
} catch {
    let code = Portal.exitCode(for: error)
    let message = Portal.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty { Console.error(message) }
    exit(code == .validationFailure ? 2 : code.rawValue)
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
