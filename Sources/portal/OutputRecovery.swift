import Foundation
import PortalKit

/// Before a build: puts back what an interrupted build left beside the output folder, and says
/// what it did. And after a failed one: says truthfully what the output folder is.
enum OutputRecovery {
    static func run(_ request: BuildRequest) {
        let folder = StagedOutputFolder(target: request.output, displayPath: request.outputDisplay)
        for note in folder.recover() { Console.error("note: \(note)") }
    }

    /// "output/ was not changed" only where there is an output/ to speak of.
    static func unchangedClause(_ request: BuildRequest, display: String) -> String {
        FileManager.default.fileExists(atPath: request.output.path)
            ? Language.text(ja: "\(display)/ は変更していません", en: "\(display)/ was not changed")
            : Language.text(ja: "\(display)/ には何も書き込んでいません", en: "nothing was written to \(display)/")
    }
}
