/// `reports/risk.yml` → reports/risk.html (heat map and register).
struct RiskKind: ContentKind {
    let id = "risk"
    static let file = "reports/risk.yml"

    func load(_ context: inout LoadContext, log: inout DiagnosticLog) async -> RiskAssessment? {
        ReportsLoader.load(Self.file, from: context.content, log: &log, ReportsLoader.risk, isSample: \.sample)
    }

    func render(_ risk: RiskAssessment, in site: KindSite) -> KindOutput {
        let reports = ReportPages(context: site.context)
        var out = KindOutput(jobs: [site.templates.job(ReportPages.riskPath, "risk") { reports.risk(risk) }])
        out.overview = [SearchDocuments.page(ReportPages.riskPath, "リスク評価", "攻撃シナリオごとの発生可能性と影響から求めたリスクの一覧。レポート")]
        return out
    }

    var linkSources: [String] { [Self.file] }

    func linkTargets(_ risk: RiskAssessment) -> [String: LinkResolver.Target] {
        [Self.file: LinkResolver.Target(outputPath: ReportPages.riskPath, headingIDs: [])]
    }

    func links(_ risk: RiskAssessment) -> [KindLink] {
        [KindLink(path: ReportPages.riskPath, title: "リスク評価", section: .reports, quickTitle: "リスク評価", sample: risk.sample)]
    }
}

/// `reports/maturity.yml` → reports/maturity.html (radar of the ten directives and the gaps).
struct MaturityKind: ContentKind {
    let id = "maturity"
    static let file = "reports/maturity.yml"

    func load(_ context: inout LoadContext, log: inout DiagnosticLog) async -> MaturityReport? {
        ReportsLoader.load(Self.file, from: context.content, log: &log, ReportsLoader.maturity, isSample: \.sample)
    }

    func render(_ report: MaturityReport, in site: KindSite) -> KindOutput {
        let reports = ReportPages(context: site.context)
        var out = KindOutput(jobs: [site.templates.job(ReportPages.maturityPath, "maturity") { reports.maturity(report) }])
        out.overview = [SearchDocuments.page(ReportPages.maturityPath, "経営ガイドライン 重要10項目の成熟度", "重要10項目の実施状況の自己評価と目標との差。レポート")]
        return out
    }

    var linkSources: [String] { [Self.file] }

    func linkTargets(_ report: MaturityReport) -> [String: LinkResolver.Target] {
        [Self.file: LinkResolver.Target(outputPath: ReportPages.maturityPath, headingIDs: [])]
    }

    func links(_ report: MaturityReport) -> [KindLink] {
        [KindLink(path: ReportPages.maturityPath, title: "重要10項目の成熟度", section: .reports, quickTitle: "重要10項目の成熟度", sample: report.sample)]
    }
}

extension ReportsLoader {
    /// A report file, when the content has it, parsed; a report marked sample says so once.
    static func load<Report>(_ file: String, from content: ContentFolder, log: inout DiagnosticLog,
                             _ parse: (String, String, inout DiagnosticLog) -> Report?, isSample: (Report) -> Bool) -> Report? {
        guard content.exists(file), let text = content.readText(file, log: &log),
              let report = parse(text, content.displayPath(file), &log) else { return nil }
        if isSample(report) { log.add(SampleData.warning(content.displayPath(file))) }
        return report
    }
}
