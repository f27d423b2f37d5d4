import ArgumentParser
import Foundation
import PortalKit

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Copy the last good build to a web root or file share without a broken moment, or into one ZIP file.",
        discussion: """
        portal publish DEST copies output/ to DEST: new files first, then changed files, pages, the home page last, \
        and only then removes the files the portal no longer has (only files it published there before). \
        portal publish --zip FILE writes one archive that works from file:// after unzipping.
        """
    )

    @Argument(help: "The folder to publish to (made if missing; empty, or published to before).")
    var destination: String?

    @Option(help: "The built portal to publish.")
    var output: String = "output"

    @Option(help: "Write one ZIP archive instead (for a USB stick).")
    var zip: String?

    @Flag(help: "Say what would be copied and removed, and change nothing.")
    var dryRun = false

    func validate() throws {
        if destination == nil && zip == nil { throw ValidationError("say where to publish: portal publish DEST, or portal publish --zip FILE") }
        if destination != nil && zip != nil { throw ValidationError("give either DEST or --zip FILE, not both") }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path) }
        let source = url(output)
        if let zip {
            guard FileManager.default.fileExists(atPath: source.appendingPathComponent(StagedOutputFolder.marker).path) else {
                Console.error("\(output): error: is not a finished portal: run portal build first")
                throw ExitCode(1)
            }
            let archive = url(zip)
            let top = archive.deletingPathExtension().lastPathComponent
            if dryRun {
                print("would write \(zip) with \(Publisher.files(in: source).count - 1) files under \(top)/")
                return
            }
            do {
                try ZipWriter.write(folder: source, top: top, to: archive, skipping: [StagedOutputFolder.marker])
            } catch {
                Console.error("\(zip): error: cannot write the archive: \(error)")
                throw ExitCode(1)
            }
            print("wrote \(zip): unzip it and open \(top)/index.html")
            return
        }
        guard let destination else { return }
        let publisher = Publisher(source: source, destination: url(destination), sourceDisplay: output, destinationDisplay: destination)
        do {
            let plan = dryRun ? try publisher.plan() : try publisher.publish()
            let verb = dryRun ? "would publish" : "published"
            print("\(verb) \(output)/ to \(destination)/: \(plan.added.count) new, \(plan.changed.count) changed, \(plan.removed.count) removed, \(plan.unchanged) unchanged")
        } catch {
            Console.error("\(error.path): error: \(error.message)")
            throw ExitCode(1)
        }
    }
}
