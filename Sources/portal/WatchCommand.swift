import ArgumentParser
import Foundation

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build, then rebuild whenever content/ or templates/ change (Ctrl-C to stop)."
    )

    @OptionGroup var options: BuildOptions

    func run() async throws {
        await WatchLoop(options: options).run()
    }
}
