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

    /// `--timings`: one line per phase, to standard error: its time, then the memory resident
    /// when it ended and the peak so far, then the CPU time it took on every core.
    static func timings(_ summary: BuildSummary) {
        for t in summary.timings {
            var line = t.phase.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%8.3f s", t.duration.seconds)
            if let rss = t.residentBytes, let peak = t.peakResidentBytes {
                line += String(format: "  rss %5d MiB  peak %5d MiB", rss >> 20, peak >> 20)
            }
            if let cpu = t.cpuTime {
                line += String(format: "  cpu %7.3f s", cpu.seconds)
            }
            error(line)
        }
    }
}
