/// The render phase as one pure step: a loaded site and its templates in, the portal's pages out.
/// Given what the previous render of the same site produced (watch, serve), it reuses every
/// part whose inputs are equal: a page's parse, its links, its file, the list pages, the rest.
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
        /// HTML pages written (for the summary line).
        public var pageCount: Int { files.reduce(0) { $0 + ($1.path.string.endsWithBytes(".html") ? 1 : 0) } }
        /// For the next render in this process.
        var memo: RenderMemo
        /// What each guidance page (by content path) and each group of other pages was rendered
        /// from, with the files it made (when asked for: the build cache records them).
        var digests: [String: ([SitePath], StableDigest)] = [:]
        /// Pages taken from the previous output instead of rendered.
        var keptPages = 0
    }

    public func render(_ site: LoadedSite, log: inout DiagnosticLog) async -> Output {
        await render(site, reusing: nil, log: &log)
    }

    /// `parsed`: pages parsed by an earlier run (the build cache), by content path.
    /// `previousOutput`: files of the last build's output that the build cache says hold what
    /// this render would make; `reads`: the content files loaded, as read, when the cache wants
    /// digests of every page.
    func render(_ site: LoadedSite, reusing previous: RenderMemo?, parsed cached: [String: ParsedPage] = [:],
                previousOutput: RenderCache.Reuse? = nil, reads: [String: StableDigest]? = nil, log: inout DiagnosticLog) async -> Output {
        let wanted = reads != nil
        var memo = RenderMemo(pageLayout: templates.pageLayout, listLayout: templates.listLayout, restLayout: templates.restLayout,
                              config: site.config)
        // A template change re-renders the pages whose layouts use it; site.yml, every page.
        let sameConfig = previous?.config == memo.config
        let samePageLayout = sameConfig && previous?.pageLayout == memo.pageLayout
        let sameListLayout = sameConfig && previous?.listLayout == memo.listLayout
        let sameRestLayout = sameConfig && previous?.restLayout == memo.restLayout
        // For the build cache, the same as digests of the templates and of site.yml as read.
        func layoutDigest(_ templates: [String: String]) -> StableDigest? {
            reads.map { RenderCache.layout(templates: templates, site: $0["site.yml"]) }
        }
        let pageLayout = layoutDigest(memo.pageLayout), listLayout = layoutDigest(memo.listLayout), restLayout = layoutDigest(memo.restLayout)

        let markdownPages = site.pages + (site.incident.map { [$0] } ?? [])
        let parsed = await MarkdownStage.parse(markdownPages, config: site.config,
                                               previous: previous?.config.allowRawHTML == site.config.allowRawHTML ? previous?.resolved ?? [:] : [:],
                                               cached: cached)
        memo.targets = MarkdownStage.targets(of: parsed)
        memo.attachments = site.attachments
        let sameLinks = previous.map {
            $0.targets == memo.targets && $0.attachments == memo.attachments && $0.config.allowRemoteImages == site.config.allowRemoteImages
        } ?? false
        let resolver = MarkdownStage.resolver(for: memo.targets, site: site)
        let all = await MarkdownStage.resolve(parsed, resolver: resolver, previous: sameLinks ? previous?.resolved ?? [:] : [:])
        for r in all { log.add(contentsOf: r.diagnostics) }
        memo.resolved = Dictionary(all.map { ($0.page.page.contentPath, $0) }, uniquingKeysWith: { a, _ in a })
        let resolved = memo.resolved
        let rendered = all.map(\.page).filter { $0.page.kind == .guidance }
        let incident = all.first { $0.page.page.kind == .incident }?.page

        let navigation = site.config.navigation.isEmpty
            ? [.init(title: "ホーム", path: PageContext.homePath, line: 0), .init(title: "ガイダンス", path: PageContext.guidanceIndexPath, line: 0)]
            : site.config.navigation
        let context = PageContext(config: site.config, navigation: navigation)
        let job = templates.job

        // Guidance pages: a page resolved as before, in the same layout, is the same file.
        // `portal build`: a page whose inputs digest as last time is its file in the last output.
        var pageFiles: [OutputFile] = []
        var pageJobs: [(contentPath: String, job: RenderJob)] = []
        let previousPageFiles = previous?.pageFiles ?? [:], previousResolved = previous?.resolved ?? [:]
        let pageDigests = wanted ? await parallelMap(rendered) { RenderCache.digest($0).combined(with: pageLayout) } : []
        var digests: [String: ([SitePath], StableDigest)] = [:]
        var keptPages = 0
        memo.pageFiles.reserveCapacity(rendered.count)
        for (i, page) in rendered.enumerated() {
            let path = page.page.contentPath
            if wanted { digests[path] = ([page.page.outputPath], pageDigests[i]) }
            if samePageLayout, let earlier = previousPageFiles[path], let before = previousResolved[path], before === resolved[path] || before.page == page {
                memo.pageFiles[path] = earlier
                pageFiles.append(earlier)
            } else if wanted, let kept = previousOutput?.file(for: path, at: page.page.outputPath, digest: pageDigests[i]) {
                memo.pageFiles[path] = kept
                pageFiles.append(kept)
                keptPages += 1
            } else {
                pageJobs.append((path, job(page.page.outputPath, "page") { context.guidance(page) }))
            }
        }

        // The list pages show every page's title, summary and date, and what else the site has.
        memo.listing = SiteListing(site)
        let listDigest = wanted ? RenderCache.digest(memo.listing).combined(with: listLayout) : nil
        var listJobs: [RenderJob] = []
        if sameListLayout, let previous, previous.listing == memo.listing {
            memo.listFiles = previous.listFiles
        } else if let listDigest, let kept = previousOutput?.files(for: RenderCache.listsKey, digest: listDigest) {
            memo.listFiles = kept
            keptPages += kept.count { $0.path.string.endsWithBytes(".html") }
        } else {
            let pages = site.pages
            listJobs = [
                job(PageContext.homePath, "home") { context.home(pages, site: site) },
                job(PageContext.guidanceIndexPath, "section") { context.guidanceIndex(pages) },
                job(PageContext.sitemapPath, "sitemap") { context.sitemap(site) },
            ]
        }

        // Everything else: the registry, contacts, FAQ, incident sheet, reports, search page.
        memo.rest = RestInputs(site, incident: incident)
        let restDigest = reads.map {
            RenderCache.restDigest(reads: $0, incident: incident, targets: memo.targets, attachments: memo.attachments).combined(with: restLayout)
        }
        var restJobs: [RenderJob] = []
        if sameRestLayout, sameLinks, let previous, previous.rest == memo.rest {
            memo.restFiles = previous.restFiles
            memo.faqText = previous.faqText
            memo.faqDiagnostics = previous.faqDiagnostics
        } else {
            var faqLog = DiagnosticLog()
            restJobs = self.restJobs(site, incident: incident, context: context, resolver: resolver, faqText: &memo.faqText, log: &faqLog)
            memo.faqDiagnostics = faqLog.entries
            // The FAQ's text and diagnostics come from the answers above; only the templates are spared.
            if let restDigest, let kept = previousOutput?.files(for: RenderCache.restKey, digest: restDigest) {
                memo.restFiles = kept
                keptPages += kept.count { $0.path.string.endsWithBytes(".html") }
                restJobs = []
            }
        }
        log.add(contentsOf: memo.faqDiagnostics)

        // The list pages go first, so no core is left alone with one of them at the end.
        let results = await parallelMap(listJobs + pageJobs.map(\.job) + restJobs) { job in job() }
        var failedTemplates: Set<String> = []
        var produced: [[OutputFile]] = []
        for result in results {
            switch result {
            case .success(let files): produced.append(files)
            case .failure(let error):
                produced.append([])
                if failedTemplates.insert(error.name).inserted {
                    log.add(.error(.render, path: templates.displayPath(error.name), templates.sources[error.name] != nil
                        ? "template '\(error.name)' could not be rendered"
                        : "missing template '\(error.name)'"))
                }
            }
        }
        if !listJobs.isEmpty { memo.listFiles = produced[0..<listJobs.count].flatMap { $0 } }
        for (i, entry) in pageJobs.enumerated() {
            let files = produced[listJobs.count + i]
            if let file = files.first {
                memo.pageFiles[entry.contentPath] = file
                pageFiles.append(file)
            }
        }
        if !restJobs.isEmpty { memo.restFiles = produced[(listJobs.count + pageJobs.count)...].flatMap { $0 } }
        let files = memo.listFiles + pageFiles + memo.restFiles
        if let listDigest { digests[RenderCache.listsKey] = (memo.listFiles.map(\.path), listDigest) }
        if let restDigest { digests[RenderCache.restKey] = (memo.restFiles.map(\.path), restDigest) }

        let documents = SearchDocuments.collect(pageDocuments: all.filter { $0.page.page.kind == .guidance }.map(\.documents),
                                                incidentDocuments: all.first { $0.page.page.kind == .incident }?.documents ?? [],
                                                site: site, faqText: memo.faqText)

        let written = Set(files.map(\.path))
        for item in site.config.navigation where !written.contains(item.path) {
            log.add(.error(.render, path: site.config.sourcePath, line: item.line, column: item.column,
                           "navigation path '\(item.path)' is not a page of the portal"))
        }
        return Output(files: files.sorted { $0.path < $1.path }, pages: rendered, searchDocuments: documents, memo: memo, digests: digests, keptPages: keptPages)
    }
}

extension SiteRenderer {
    /// The pages other than guidance and lists; FAQ answers are Markdown with links, rendered
    /// here with their diagnostics, their text kept for the index.
    private func restJobs(_ site: LoadedSite, incident: RenderedPage?, context: PageContext, resolver: LinkResolver,
                          faqText: inout [String], log: inout DiagnosticLog) -> [RenderJob] {
        let job = templates.job
        var jobs: [RenderJob] = [job(PageContext.searchPath, "search") { context.searchPage() }]
        if let incident {
            jobs.append(job(incident.page.outputPath, "incident") { context.incident(incident, contacts: site.contacts ?? []) })
        }
        if let contacts = site.contacts {
            jobs.append(job(PageContext.contactsPath, "contacts") { context.contacts(contacts) })
        }
        faqText = []
        if let faq = site.faq {
            let origin = LinkOrigin(contentPath: "faq.yml", displayPath: faq.displayPath, outputPath: PageContext.faqPath)
            let answers = faq.entries.map {
                MarkdownStage.fragment($0.answer, lineOffset: $0.answerLineOffset, columnOffset: $0.answerColumnOffset,
                                       origin: origin, config: site.config, resolver: resolver, log: &log)
            }
            faqText = answers.map(\.text)
            let html = answers.map(\.html)
            jobs.append(job(PageContext.faqPath, "faq") { context.faq(faq.entries, answersHTML: html) })
        }
        let reports = ReportPages(context: context)
        if let risk = site.risk { jobs.append(job(ReportPages.riskPath, "risk") { reports.risk(risk) }) }
        if let maturity = site.maturity { jobs.append(job(ReportPages.maturityPath, "maturity") { reports.maturity(maturity) }) }
        if let registry = site.registry {
            jobs += RegistryPages(registry: registry, context: context).jobs(templates: templates)
        }
        return jobs
    }
}
