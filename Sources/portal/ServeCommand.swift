import ArgumentParser
import Foundation
import PortalKit

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve output/ over HTTP with live reload, and rebuild on every change (Ctrl-C to stop)."
    )

    @Option(help: "Address to listen on; the default keeps the preview on this machine.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @OptionGroup var options: BuildOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let output = options.output.hasPrefix("/") ? URL(fileURLWithPath: options.output)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(options.output)
        let server: PreviewServer
        do {
            server = try PreviewServer(host: host, port: port, root: output)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
        server.start()
        print("serving \(options.output)/ at \(server.url)")
        fflush(nil)
        var loop = WatchLoop(options: options)
        loop.afterBuild = { errors in
            server.broadcast(errors.map(LiveReload.failureEvent) ?? LiveReload.reloadEvent)
        }
        await loop.run()
    }
}
