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
        let all = MarkdownStage.resolve(parsed, resolver: resolver, log: &log)
        let rendered = all.filter { $0.page.kind == .guidance }
        let incident = all.first { $0.page.kind == .incident }

        let navigation = site.config.navigation.isEmpty
            ? [.init(title: "ホーム", path: PageContext.homePath, line: 0), .init(title: "ガイダンス", path: PageContext.guidanceIndexPath, line: 0)]
            : site.config.navigation
        let context = PageContext(config: site.config, navigation: navigation)
        let templates = self.templates

        let pageResults = await parallelMap(rendered) { page in
            Result { () throws(TemplateError) -> OutputFile in
                OutputFile(path: page.page.outputPath, text: try templates.render(context.guidance(page), with: "page"))
            }
        }
        var files: [OutputFile] = []
        var failedTemplates: Set<String> = []
        func add(_ result: Result<[OutputFile], TemplateError>) {
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
        func add(_ result: Result<OutputFile, TemplateError>) { add(result.map { [$0] }) }
        pageResults.forEach(add)
        let pages = site.pages
        add(Result { () throws(TemplateError) in OutputFile(path: PageContext.homePath, text: try templates.render(context.home(pages, site: site), with: "home")) })
        add(Result { () throws(TemplateError) in
            OutputFile(path: PageContext.guidanceIndexPath, text: try templates.render(context.guidanceIndex(pages), with: "section"))
        })

        if let incident {
            add(Result { () throws(TemplateError) in
                OutputFile(path: incident.page.outputPath, text: try templates.render(context.incident(incident, contacts: site.contacts ?? []), with: "incident"))
            })
        }
        if let contacts = site.contacts {
            add(Result { () throws(TemplateError) in
                OutputFile(path: PageContext.contactsPath, text: try templates.render(context.contacts(contacts), with: "contacts"))
            })
        }
        var faqText: [String] = []
        if let faq = site.faq {
            let origin = LinkOrigin(contentPath: "faq.yml", displayPath: faq.displayPath, outputPath: PageContext.faqPath)
            let answers = faq.entries.map { MarkdownStage.fragment($0.answer, lineOffset: $0.answerLineOffset, columnOffset: $0.answerColumnOffset, origin: origin, config: site.config, resolver: resolver, log: &log) }
            add(Result { () throws(TemplateError) in
                OutputFile(path: PageContext.faqPath, text: try templates.render(context.faq(faq.entries, answersHTML: answers.map(\.html)), with: "faq"))
            })
            faqText = answers.map(\.text)
        }
        let reports = ReportPages(context: context)
        if let risk = site.risk {
            add(Result { () throws(TemplateError) in OutputFile(path: ReportPages.riskPath, text: try templates.render(reports.risk(risk), with: "risk")) })
        }
        if let maturity = site.maturity {
            add(Result { () throws(TemplateError) in
                OutputFile(path: ReportPages.maturityPath, text: try templates.render(reports.maturity(maturity), with: "maturity"))
            })
        }
        if let registry = site.registry {
            add(Result { () throws(TemplateError) in try RegistryPages(registry: registry, context: context).files(templates: templates) })
        }

        add(Result { () throws(TemplateError) in
            [OutputFile(path: PageContext.searchPath, text: try templates.render(context.searchPage(), with: "search")),
             OutputFile(path: PageContext.sitemapPath, text: try templates.render(context.sitemap(site), with: "sitemap"))]
        })

        let documents = SearchDocuments.collect(pages: rendered, incident: incident, site: site, faqText: faqText)

        let written = Set(files.map(\.path))
        for item in site.config.navigation where !written.contains(item.path) {
            log.add(.error(.render, path: site.config.sourcePath, line: item.line, column: item.column,
                           "navigation path '\(item.path)' is not a page of the portal"))
        }
        return Output(files: files.sorted { $0.path < $1.path }, pages: rendered, searchDocuments: documents)
    }
}
