import Foundation
import PortalKit
import Synchronization

/// Builds, then rebuilds on every change until Ctrl-C; shared by `watch` and `serve`.
/// A failed rebuild prints its errors and leaves the last good output in place.
struct WatchLoop {
    let options: BuildOptions
    /// Told after every build: nil on success, else the diagnostic lines.
    var afterBuild: @Sendable ([String]?) -> Void = { _ in }

    static let stopRequested = Atomic<Bool>(false)
    func run() async {
        // What each build leaves for the next: a one-page edit re-renders and writes what changed.
        var session = BuildSession()
        let request = options.request
        let interruptSources = Self.installInterruptHandler()
        defer { interruptSources.forEach { $0.cancel() } }
        OutputRecovery.run(request)
        await build(request, reason: nil, session: &session)
        let roots = [request.content.path, request.templates.path]
        let watcher = Watcher(roots: roots)
        var snapshot = FileSnapshot.scan(roots)
        if !options.quiet {
            print(Language.text(ja: "\(options.content)/ と \(options.templates)/ を見張っています（\(watcher.usesPolling ? "polling" : "inotify")）。Ctrl-C で終了します",
                                en: "watching \(options.content)/ and \(options.templates)/ (\(watcher.usesPolling ? "polling" : "inotify")); press Ctrl-C to stop"))
            fflush(nil)
        }
        while watcher.waitForChange(shouldStop: { Self.stopRequested.load(ordering: .relaxed) }) {
            // The events name what changed; only when they cannot (polling, lost events) is
            // everything scanned again.
            let (next, changes) = watcher.changedPaths.map { snapshot.updating($0) }
                ?? { let next = FileSnapshot.scan(roots); return (next, ChangeSet.between(snapshot, next)) }()
            snapshot = next
            guard !changes.isEmpty else { continue }
            session.snapshot = next
            await build(request, reason: changes.summary(relativeTo: FileManager.default.currentDirectoryPath, language: Language.current), session: &session)
        }
        if !options.quiet { print(Language.text(ja: "終了しました", en: "stopped")) }
    }

    private func build(_ request: BuildRequest, reason: String?, session: inout BuildSession) async {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let summary = try await Builder.build(request, session: &session)
            summary.warnings.forEach { Console.error($0.text(Language.current)) }
            if options.timings { Console.timings(summary) }
            if !options.quiet {
                let seconds = (clock.now - start).seconds
                if Language.current == .ja {
                    let what = summary.changedFiles.map { "\(options.output)/ の \(summary.fileCount) ファイルのうち \($0) ファイルを更新しました" }
                        ?? "\(summary.pageCount) ページを \(options.output)/ に書き出しました"
                    print("\(reason.map { "\($0)。" } ?? "")\(what)（\(String(format: "%.3f", seconds)) 秒）")
                } else {
                    let what = summary.changedFiles.map { "updated \($0) of \(summary.fileCount) files in" } ?? "wrote \(summary.pageCount) pages to"
                    print("\(reason.map { "\($0): " } ?? "")\(what) \(options.output)/ in \(String(format: "%.3f s", seconds))")
                }
            }
            afterBuild(nil)
        } catch {
            let lines = error.diagnostics.map { $0.text(Language.current) }
            lines.forEach { Console.error($0) }
            Console.error(Language.text(
                ja: "ビルド失敗: エラー \(error.errorCount) 件。\(OutputRecovery.unchangedClause(request, display: options.output))。見張りを続けます",
                en: "build failed: \(error.errorCount) error\(error.errorCount == 1 ? "" : "s"); \(OutputRecovery.unchangedClause(request, display: options.output)); still watching"))
            afterBuild(lines)
        }
        fflush(nil)
    }

    /// Ctrl-C (and SIGTERM) ask the loop to stop after the current step; the sources must be kept.
    private static func installInterruptHandler() -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stopRequested.store(true, ordering: .relaxed) }
            source.resume()
            return source
        }
    }
}
