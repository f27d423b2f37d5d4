/// The render phase as one pure step: a loaded site and its templates in, the portal's pages out.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public struct Output: Sendable {
        public var files: [OutputFile]
        public var pages: [RenderedPage]
        /// What the index phase turns into the search index.
        public var searchDocuments: [SearchDocument]
    }

    public func render(_ site: LoadedSite, log: inout DiagnosticLog) async -> Output {
        let parsed = await MarkdownStage.parse(site.pages + (site.incident.map { [$0] } ?? []), config: site.config)
        let resolver = MarkdownStage.resolver(for: parsed, site: site)
        let all = await MarkdownStage.resolve(parsed, resolver: resolver, log: &log)
        let rendered = all.filter { $0.page.kind == .guidance }
        let incident = all.first { $0.page.kind == .incident }

        let navigation = site.config.navigation.isEmpty
            ? [.init(title: "ホーム", path: PageContext.homePath, line: 0), .init(title: "ガイダンス", path: PageContext.guidanceIndexPath, line: 0)]
            : site.config.navigation
        let context = PageContext(config: site.config, navigation: navigation)
        let templates = self.templates

        // FAQ answers are Markdown with links: rendered first, their diagnostics kept.
        var faqAnswers: [(html: String, text: String)] = []
        if let faq = site.faq {
            let origin = LinkOrigin(contentPath: "faq.yml", displayPath: faq.displayPath, outputPath: PageContext.faqPath)
            faqAnswers = faq.entries.map {
                MarkdownStage.fragment($0.answer, lineOffset: $0.answerLineOffset, columnOffset: $0.answerColumnOffset,
                                       origin: origin, config: site.config, resolver: resolver, log: &log)
            }
        }

        // Every page is a job; the jobs are independent and run on every core.
        let job = templates.job
        let pages = site.pages
        // The list pages go first, so no core is left alone with one of them at the end.
        var jobs: [RenderJob] = [
            job(PageContext.homePath, "home") { context.home(pages, site: site) },
            job(PageContext.guidanceIndexPath, "section") { context.guidanceIndex(pages) },
            job(PageContext.sitemapPath, "sitemap") { context.sitemap(site) },
            job(PageContext.searchPath, "search") { context.searchPage() },
        ]
        jobs += rendered.map { page in job(page.page.outputPath, "page") { context.guidance(page) } }
        if let incident {
            jobs.append(job(incident.page.outputPath, "incident") { context.incident(incident, contacts: site.contacts ?? []) })
        }
        if let contacts = site.contacts {
            jobs.append(job(PageContext.contactsPath, "contacts") { context.contacts(contacts) })
        }
        if let faq = site.faq {
            let html = faqAnswers.map(\.html)
            jobs.append(job(PageContext.faqPath, "faq") { context.faq(faq.entries, answersHTML: html) })
        }
        let reports = ReportPages(context: context)
        if let risk = site.risk { jobs.append(job(ReportPages.riskPath, "risk") { reports.risk(risk) }) }
        if let maturity = site.maturity { jobs.append(job(ReportPages.maturityPath, "maturity") { reports.maturity(maturity) }) }
        if let registry = site.registry {
            jobs += RegistryPages(registry: registry, context: context).jobs(templates: templates)
        }

        let results = await parallelMap(jobs) { job in job() }
        var files: [OutputFile] = []
        var failedTemplates: Set<String> = []
        for result in results {
            switch result {
            case .success(let produced): files.append(contentsOf: produced)
            case .failure(let error):
                if failedTemplates.insert(error.name).inserted {
                    log.add(.error(.render, path: templates.displayPath(error.name), templates.names.contains(error.name)
                        ? "template '\(error.name)' could not be rendered"
                        : "missing template '\(error.name)'"))
                }
            }
        }
        let faqText = faqAnswers.map(\.text)

        let documents = SearchDocuments.collect(pages: rendered, incident: incident, site: site, faqText: faqText)

        let written = Set(files.map(\.path))
        for item in site.config.navigation where !written.contains(item.path) {
            log.add(.error(.render, path: site.config.sourcePath, line: item.line, column: item.column,
                           "navigation path '\(item.path)' is not a page of the portal"))
        }
        return Output(files: files.sorted { $0.path < $1.path }, pages: rendered, searchDocuments: documents)
    }
}
