import Foundation

/// `portal check`: everything a build validates, plus what an editor should look at (pages due
/// for review, duplicate titles), without writing anything.
public enum SiteChecker {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var pageCount: Int
        public var registry: RegistryCounts?
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    public static func check(content contentURL: URL, contentDisplay: String, templates: URL, templatesDisplay: String,
                             today: LocalDate) async -> Report {
        var log = DiagnosticLog()
        guard FileManager.default.fileExists(atPath: contentURL.path) else {
            return Report(diagnostics: [.error(.load, path: contentDisplay, .contentNotFound)], pageCount: 0, registry: nil)
        }
        let content = ContentFolder(root: contentURL, displayRoot: contentDisplay)
        let site = await SiteLoader.load(content, log: &log)
        let templateSet = TemplateSet.load(from: templates, displayRoot: templatesDisplay, log: &log)
        var pageCount = 0
        if let site {
            log.add(contentsOf: reviewReminders(site, today: today))
            log.add(contentsOf: duplicateTitles(site))
            if let templateSet, !log.hasErrors {
                // Rendering is where links and anchors are checked.
                let output = await SiteRenderer(templates: templateSet).render(site, log: &log)
                pageCount = output.pageCount
            }
        }
        return Report(diagnostics: log.entries.sorted(), pageCount: pageCount, registry: site?.registry.map(RegistryCounts.init))
    }

    /// Pages whose `updated` date is older than `review_after_days`.
    static func reviewReminders(_ site: LoadedSite, today: LocalDate) -> [Diagnostic] {
        let limit = site.config.reviewAfterDays
        return (site.pages + (site.incident.map { [$0] } ?? [])).compactMap { page in
            let age = today.dayNumber - page.updated.dayNumber
            guard age > limit else { return nil }
            return .warning(.validate, path: page.displayPath, line: page.updatedLine, column: page.updatedColumn,
                            .reviewDue("\(page.updated)", days: age, limit: limit))
        }
    }

    static func duplicateTitles(_ site: LoadedSite) -> [Diagnostic] {
        var first: [String: GuidancePage] = [:]
        var out: [Diagnostic] = []
        for page in site.pages.sorted(by: { $0.contentPath < $1.contentPath }) {
            let key = SearchText.fold(page.title).trimmed()
            if let earlier = first[key] {
                out.append(.warning(.validate, path: page.displayPath, line: 1, column: 1,
                                    .duplicateTitle(page.title, earlier: earlier.displayPath)))
            } else {
                first[key] = page
            }
        }
        return out
    }

    /// The stable JSON form for CI pipelines (documented in the README).
    public static func json(_ report: Report) -> String {
        var w = JSONWriter()
        w.raw("{\n")
        w.key("diagnostics"); w.raw("[")
        for (i, d) in report.diagnostics.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            w.raw("{")
            w.key("column"); if let c = d.column { w.int(c) } else { w.raw("null") }; w.comma()
            w.key("line"); if let l = d.line { w.int(l) } else { w.raw("null") }; w.comma()
            w.key("message"); w.string(d.message); w.comma()
            w.key("path"); w.string(d.path); w.comma()
            w.key("phase"); w.string(d.phase.rawValue); w.comma()
            w.key("severity"); w.string(d.severity.rawValue)
            w.raw("}")
        }
        w.raw(report.diagnostics.isEmpty ? "],\n" : "\n],\n")
        w.key("errors"); w.int(report.errorCount); w.raw(",\n")
        w.key("pages"); w.int(report.pageCount); w.raw(",\n")
        w.key("registry")
        if let r = report.registry {
            w.raw("{")
            w.key("categories"); w.raw("[")
            for (i, row) in r.rows.enumerated() {
                if i > 0 { w.comma() }
                w.raw("{")
                w.key("count"); w.int(row.count); w.comma()
                w.key("id"); w.string(row.category.id); w.comma()
                w.key("name"); w.string(row.category.name); w.comma()
                w.key("pentest"); if let p = row.pentest { w.int(p) } else { w.raw("null") }
                w.raw("}")
            }
            w.raw("],")
            w.key("total"); w.int(r.total)
            w.raw("}")
        } else {
            w.raw("null")
        }
        w.raw(",\n")
        w.key("version"); w.int(1); w.raw(",\n")
        w.key("warnings"); w.int(report.warningCount)
        w.raw("\n}\n")
        return w.text
    }
}
