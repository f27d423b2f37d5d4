import Foundation
import PortalKit

/// Terminal output: diagnostics to standard error, progress only when a person is watching.
enum Console {
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Rewrites one status line in place.
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    /// `--timings`: one line per phase, to standard error.
    static func timings(_ summary: BuildSummary) {
        for (phase, duration) in summary.timings {
            error(phase.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%8.3f s", duration.seconds))
        }
    }
}
