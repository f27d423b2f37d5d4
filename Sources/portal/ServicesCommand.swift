import ArgumentParser
import Foundation
import PortalKit

struct ServicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "Print the certified-services registry, filtered (e.g. --category 脆弱性診断 --pentest)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(name: .customLong("category"), help: "A category id, name or alias; repeat for several.")
    var categories: [String] = []

    @Flag(help: "Only services with penetration testing.")
    var pentest = false

    @Option(help: "Words that must all appear in name, provider or summary (full/half width and case folded).")
    var query: String = ""

    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    @Option(help: "CSV headings: ja (the list's own, with a BOM, for Excel) or en (portal's column names, for tools).")
    var headings: RegistryCommandSupport.Headings = .ja

    func run() throws {
        let folder = ContentFolder(root: URL(fileURLWithPath: content, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)), displayRoot: content)
        let registry: Registry
        do {
            registry = try RegistryCommandSupport.load(content: folder)
        } catch {
            error.diagnostics.forEach { Console.error($0.description) }
            throw ExitCode(1)
        }
        let services: [Service]
        do {
            services = try RegistryQuery(categories: categories, pentestOnly: pentest, text: query).apply(to: registry)
        } catch {
            switch error {
            case .unknownCategory(let name, let valid):
                Console.error("error: unknown category '\(name)'; valid categories: \(valid.joined(separator: ", "))")
            }
            throw ExitCode(2)
        }
        switch format {
        case .table: print(RegistryCommandSupport.table(services, registry: registry), terminator: "")
        case .csv: print(RegistryCommandSupport.csv(services, registry: registry, headings: headings), terminator: "")
        case .json: print(RegistryCommandSupport.json(services, registry: registry), terminator: "")
        }
    }
}

extension RegistryCommandSupport.Headings: ExpressibleByArgument {}
