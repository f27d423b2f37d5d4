import ArgumentParser
import Foundation
import PortalKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content without writing anything: links, review dates, placeholders, data files."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(help: "The templates folder.")
    var templates: String = "templates"

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("The date to check review dates against (YYYY-MM-DD); default today.", visibility: .hidden))
    var today: String?

    func run() async throws {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ p: String) -> URL { p.hasPrefix("/") ? URL(fileURLWithPath: p) : base.appendingPathComponent(p) }
        guard let date = today.map({ LocalDate(parsing: $0) }) ?? LocalDate.today() else {
            throw ValidationError("--today must be a date written YYYY-MM-DD")
        }
        let report = await SiteChecker.check(content: url(content), contentDisplay: content, templates: url(templates),
                                             templatesDisplay: templates, today: date)
        switch format {
        case .json:
            print(SiteChecker.json(report), terminator: "")
        case .text:
            report.diagnostics.forEach { print($0.text(Language.messages)) }
            if let r = report.registry {
                let parts = r.rows.map { "\($0.category.label) \($0.count)" + ($0.pentest.map { "（侵入試験あり \($0)）" } ?? "") }
                print("registry: \(r.total) services: " + parts.joined(separator: ", "))
            }
            print("\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s"), \(report.pageCount) pages checked")
        }
        if report.errorCount > 0 || (strict && report.warningCount > 0) {
            throw ExitCode(1)
        }
    }
}
