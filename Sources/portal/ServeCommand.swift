import ArgumentParser
import Foundation
import PortalKit

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Language.text(ja: "ビルドして output/ を HTTP で表示し、変更のたびに作り直してブラウザーを再読み込みします（Ctrl-C で終了）。", en: "Build, serve output/ over HTTP with live reload, and rebuild on every change (Ctrl-C to stop).")
    )

    @Option(help: ArgumentHelp(Language.text(ja: "待ち受けるアドレス。既定ではこのパソコンからしか見られません。", en: "Address to listen on; the default keeps the preview on this machine.")))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp(Language.text(ja: "待ち受けるポート（0 なら空いているポート）。", en: "Port to listen on (0 picks a free one).")))
    var port = 8080

    @OptionGroup var options: BuildOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(Language.text(ja: "--port は 0 から 65535 の数で指定してください", en: "--port must be between 0 and 65535")) }
    }

    func run() async throws {
        let output = options.output.hasPrefix("/") ? URL(fileURLWithPath: options.output)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(options.output)
        let server: PreviewServer
        do {
            server = try PreviewServer(host: host, port: port, root: output)
        } catch {
            Console.error(Language.text(ja: "エラー: ", en: "error: ") + error.text(Language.current))
            throw ExitCode(1)
        }
        server.start()
        print(Language.text(ja: "\(options.output)/ を \(server.url) で表示しています", en: "serving \(options.output)/ at \(server.url)"))
        fflush(nil)
        var loop = WatchLoop(options: options)
        loop.afterBuild = { errors in
            server.broadcast(errors.map(LiveReload.failureEvent) ?? LiveReload.reloadEvent)
        }
        await loop.run()
    }
}
