import ArgumentParser
import Foundation

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: Language.text(ja: "ビルドし、content/ か templates/ が変わるたびに作り直します（Ctrl-C で終了）。", en: "Build, then rebuild whenever content/ or templates/ change (Ctrl-C to stop).")
    )

    @OptionGroup var options: BuildOptions

    func run() async throws {
        await WatchLoop(options: options).run()
    }
}
