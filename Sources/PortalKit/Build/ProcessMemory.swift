import Foundation

/// The process's resident memory as Linux reports it, for `--timings`: memory is a benchmark
/// figure, so it is measured where the phases end rather than guessed.
enum ProcessMemory {
    /// VmRSS and VmHWM (the peak) of /proc/self/status, in bytes.
    static func current() -> (resident: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        var resident: Int?, peak: Int?
        for line in status.split(separator: "\n") {
            if line.hasPrefix("VmRSS:") { resident = kilobytes(line) }
            if line.hasPrefix("VmHWM:") { peak = kilobytes(line) }
        }
        guard let resident, let peak else { return nil }
        return (resident * 1024, peak * 1024)
    }

    /// "VmRSS:	  12345 kB" → 12345.
    private static func kilobytes(_ line: Substring) -> Int? {
        line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
    }
}

/// The CPU time the process has used so far, for `--timings`.
enum ProcessCPU {
    /// User and system time of every thread, from getrusage.
    static func used() -> Duration? {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
        func duration(_ t: timeval) -> Duration { .seconds(t.tv_sec) + .microseconds(t.tv_usec) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }
}
