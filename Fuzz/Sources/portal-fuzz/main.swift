import CFuzzDriver
import Foundation
import PortalKit

/// libFuzzer hands each input to the reader PORTAL_FUZZ_TARGET names (`Fuzzing.targets`). A
/// trap, a crash or a sanitizer report is a finding.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { start, count in
    let target = ProcessInfo.processInfo.environment["PORTAL_FUZZ_TARGET"] ?? "markdown"
    Fuzzing.run(target, start.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
})
