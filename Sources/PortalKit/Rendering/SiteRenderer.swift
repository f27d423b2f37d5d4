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
        memo.parseSettings = site.parseSettings
        let parsed = await MarkdownStage.parse(markdownPages, config: site.config, terms: memo.parseSettings.matcher,
                                               previous: previous?.parseSettings == memo.parseSettings ? previous?.resolved ?? [:] : [:],
                                               cached: cached)
        memo.targets = MarkdownStage.targets(of: parsed)
        for kind in site.kinds { memo.targets.merge(kind.linkTargets) { page, _ in page } }
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
        // A page shows its group's previous and next page: part of what it is rendered from.
        memo.neighbours = PageNeighbours.of(site.pages, groups: site.config.guidanceGroups)
        let previousNeighbours = previous?.neighbours ?? [:]
        for (i, page) in rendered.enumerated() {
            let path = page.page.contentPath
            let neighbours = memo.neighbours[path] ?? PageNeighbours()
            if wanted { digests[path] = ([page.page.outputPath], pageDigests[i].combined(with: Fingerprint.of(neighbours))) }
            if samePageLayout, let earlier = previousPageFiles[path], let before = previousResolved[path], before === resolved[path] || before.page == page,
               previousNeighbours[path] == neighbours {
                memo.pageFiles[path] = earlier
                pageFiles.append(earlier)
            } else if wanted, let kept = previousOutput?.file(for: path, at: page.page.outputPath, digest: digests[path]!.1) {
                memo.pageFiles[path] = kept
                pageFiles.append(kept)
                keptPages += 1
            } else {
                pageJobs.append((path, job(page.page.outputPath, "page") { context.guidance(page, neighbours: neighbours) }))
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

        // The search page and the incident sheet (which prints the contact groups it names).
        let kindSite = KindSite(context: context, templates: templates, resolver: resolver, config: site.config)
        memo.sheet = SheetInputs(incident: incident, contacts: incident == nil ? nil : site.contacts)
        let restDigest = reads.map { _ in RenderCache.digest(memo.sheet).combined(with: restLayout) }
        var restJobs: [RenderJob] = []
        if sameRestLayout, let previous, previous.sheet == memo.sheet {
            memo.restFiles = previous.restFiles
        } else if let restDigest, let kept = previousOutput?.files(for: RenderCache.restKey, digest: restDigest) {
            memo.restFiles = kept
            keptPages += kept.count { $0.path.string.endsWithBytes(".html") }
        } else {
            restJobs = [job(PageContext.searchPath, "search") { context.searchPage() }]
            if let incident {
                let contacts = site.contacts ?? []
                restJobs.append(job(incident.page.outputPath, "incident") { context.incident(incident, contacts: contacts) })
            }
        }

        // Every other kind of content: reused while its input (and, for a kind whose Markdown
        // links to pages, what links resolve against) is as before; from the last output while
        // its fingerprint is.
        var kindOutputs: [KindOutput] = []
        var kindJobs: [(id: String, range: Range<Int>)] = []
        var jobsOfKinds: [RenderJob] = []
        for kind in site.kinds {
            if sameRestLayout, let earlier = previous?.kinds[kind.id], earlier.kind.hasSameInput(as: kind), !kind.resolvesLinks || sameLinks {
                memo.kinds[kind.id] = earlier
                kindOutputs.append(earlier.output)
                continue
            }
            var output = kind.render(in: kindSite)
            let digest = reads.map { _ in
                RenderCache.digest(kind, targets: memo.targets, attachments: memo.attachments).combined(with: restLayout)
            }
            if let digest { digests[RenderCache.kindKey(kind.id)] = ([], digest) }
            if let digest, let kept = previousOutput?.files(for: RenderCache.kindKey(kind.id), digest: digest) {
                keptPages += kept.count { $0.path.string.endsWithBytes(".html") }
                output.jobs = []
                memo.kinds[kind.id] = KindMemo(kind: kind, files: kept, output: output)
            } else {
                kindJobs.append((kind.id, jobsOfKinds.count..<(jobsOfKinds.count + output.jobs.count)))
                jobsOfKinds += output.jobs
                output.jobs = []
                memo.kinds[kind.id] = KindMemo(kind: kind, files: [], output: output)
            }
            kindOutputs.append(output)
        }
        for output in kindOutputs { log.add(contentsOf: output.diagnostics) }

        // The list pages go first, so no core is left alone with one of them at the end.
        let results = await parallelMap(listJobs + pageJobs.map(\.job) + restJobs + jobsOfKinds) { job in job() }
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
        let restStart = listJobs.count + pageJobs.count, kindStart = restStart + restJobs.count
        if !restJobs.isEmpty { memo.restFiles = produced[restStart..<kindStart].flatMap { $0 } }
        for (id, range) in kindJobs {
            memo.kinds[id]?.files = produced[(kindStart + range.lowerBound)..<(kindStart + range.upperBound)].flatMap { $0 }
        }
        let kindFiles = site.kinds.flatMap { memo.kinds[$0.id]?.files ?? [] }
        let files = memo.listFiles + pageFiles + memo.restFiles + kindFiles
        if let listDigest { digests[RenderCache.listsKey] = (memo.listFiles.map(\.path), listDigest) }
        if let restDigest { digests[RenderCache.restKey] = (memo.restFiles.map(\.path), restDigest) }
        for kind in site.kinds {
            if let digest = digests[RenderCache.kindKey(kind.id)]?.1 {
                digests[RenderCache.kindKey(kind.id)] = ((memo.kinds[kind.id]?.files ?? []).map(\.path), digest)
            }
        }

        let documents = SearchDocuments.collect(pageDocuments: all.filter { $0.page.page.kind == .guidance }.map(\.documents),
                                                incidentDocuments: all.first { $0.page.page.kind == .incident }?.documents ?? [],
                                                config: site.config, kinds: kindOutputs)

        let written = Set(files.map(\.path))
        for item in site.config.navigation where !written.contains(item.path) {
            log.add(.error(.render, path: site.config.sourcePath, line: item.line, column: item.column,
                           "navigation path '\(item.path)' is not a page of the portal"))
        }
        return Output(files: files.sorted { $0.path < $1.path }, pages: rendered, searchDocuments: documents, memo: memo, digests: digests, keptPages: keptPages)
    }
}
