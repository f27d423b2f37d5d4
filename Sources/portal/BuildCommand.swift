import ArgumentParser
import Foundation
import PortalKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: Language.text(ja: "content/ と templates/ からポータルを output/ に作ります。", en: "Build the portal from content/ and templates/ into output/.")
    )

    @OptionGroup var options: BuildOptions

    func run() async throws {
        let request = options.request
        let clock = ContinuousClock()
        let start = clock.now
        let showProgress = !options.quiet && Console.stderrIsTerminal
        OutputRecovery.run(request)
        do {
            let summary = try await Builder.build(request) { phase in
                if showProgress { Console.progress(Language.text(ja: phase.japanese + "…", en: "\(phase.rawValue)…")) }
            }
            if showProgress { Console.progress("") }
            summary.warnings.forEach { Console.error($0.text(Language.current)) }
            summary.notes.forEach { Console.error("note: \($0)") }
            if options.timings { Console.timings(summary) }
            if !options.quiet {
                let seconds = String(format: "%.2f s", (clock.now - start).seconds)
                let warnings = summary.warnings.isEmpty ? "" : ", \(summary.warnings.count) warning\(summary.warnings.count == 1 ? "" : "s")"
                let keptParts = (summary.keptPages > 0 ? ["\(summary.keptPages) unchanged page\(summary.keptPages == 1 ? "" : "s")"] : [])
                    + (summary.keptIndex ? ["the search index"] : [])
                let kept = keptParts.isEmpty ? "" : "; \(keptParts.joined(separator: " and ")) kept from the last build"
                if Language.current == .ja {
                    let warned = summary.warnings.isEmpty ? "" : "、警告 \(summary.warnings.count) 件"
                    let keptJa = (summary.keptPages > 0 ? ["変更のない \(summary.keptPages) ページ"] : []) + (summary.keptIndex ? ["検索インデックス"] : [])
                    let reused = keptJa.isEmpty ? "" : "（\(keptJa.joined(separator: "と"))は前回のビルドから再利用）"
                    print("\(summary.pageCount) ページ（\(summary.fileCount) ファイル）を \(options.output)/ に書き出しました（\(String(format: "%.2f", (clock.now - start).seconds)) 秒\(warned)）\(reused)")
                } else {
                    print("wrote \(summary.pageCount) pages (\(summary.fileCount) files) to \(options.output)/ in \(seconds)\(warnings)\(kept)")
                }
            }
        } catch {
            if showProgress { Console.progress("") }
            error.diagnostics.forEach { Console.error($0.text(Language.current)) }
            let errors = error.errorCount
            let warnings = error.diagnostics.count - errors
            Console.error(Language.text(
                ja: "ビルド失敗: エラー \(errors) 件\(warnings > 0 ? "、警告 \(warnings) 件" : "")。\(OutputRecovery.unchangedClause(request, display: options.output))",
                en: "build failed: \(errors) error\(errors == 1 ? "" : "s")\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""); \(OutputRecovery.unchangedClause(request, display: options.output))"))
            throw ExitCode(1)
        }
    }
}

extension BuildPhase {
    /// As the progress line names it under a Japanese locale.
    var japanese: String {
        switch self {
        case .load: "読み込み"
        case .validate: "検査"
        case .render: "ページの生成"
        case .index: "検索インデックスの作成"
        case .write: "書き出し"
        }
    }
}
