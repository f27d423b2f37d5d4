import Mustache
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
        /// Each unit's fingerprint by key, when asked for (the build cache records them).
        var fingerprints: [String: StableDigest]?
        /// Pages taken from the previous output instead of rendered.
        var keptPages = 0
        /// When the Markdown stage ended and the templates began (`--timings`).
        var markdownEnded = PhaseMark.now()
    }

    public func render(_ site: LoadedSite, log: inout DiagnosticLog) async -> Output {
        await render(site, reusing: nil, log: &log)
    }

    /// When the templates have mistakes of their own: the content's Markdown is still checked
    /// (links, anchors, images), so one run reports both.
    static func checkMarkdown(_ site: LoadedSite, log: inout DiagnosticLog) async {
        let none = TemplateSet(library: MustacheLibrary(), sources: [:], displayRoot: "")
        _ = await SiteRenderer(templates: none).render(site, reusing: nil, checkOnly: true, log: &log)
    }

    /// `previous`: this process's last render of the same site (watch, serve); `parsed`: pages
    /// parsed by an earlier run (the build cache), by content path; `previousOutput`: the last
    /// run's output as the build cache recorded it. `fingerprints`: every unit's is wanted (the
    /// build cache records them). What is reused is decided by `RenderUnits`, not here.
    /// `checkOnly`: report the Markdown's mistakes (every page's and kind's) and render nothing.
    /// `sink`: see `RenderUnits.run`.
    func render(_ site: LoadedSite, reusing previous: RenderMemo?, parsed cached: [String: ParsedPage] = [:],
                previousOutput: RenderCache.Reuse? = nil, fingerprints: Bool = false, checkOnly: Bool = false,
                sink: (@Sendable ([OutputFile]) -> [OutputFile])? = nil, log: inout DiagnosticLog) async -> Output {
        let earlier: (any RenderedUnits)? = previous?.units ?? previousOutput
        var memo = RenderMemo()

        // Load → Markdown: every kind's Markdown pages parsed, then their links resolved against
        // every page's headings.
        let markdownPages = site.kinds.flatMap(\.markdownPages)
        memo.parseSettings = site.parseSettings
        let parsed = await MarkdownStage.parse(markdownPages, config: site.config, terms: memo.parseSettings.matcher,
                                               previous: previous?.parseSettings == memo.parseSettings ? previous?.resolved ?? [:] : [:],
                                               cached: cached)
        var targets = MarkdownStage.targets(of: parsed)
        for kind in site.kinds { targets.merge(kind.linkTargets) { page, _ in page } }
        var links = LinkTargets(targets: targets, attachments: site.attachments, allowRemoteImages: site.config.allowRemoteImages,
                                fingerprint: fingerprints)
        let sameLinks = previous.map { $0.links == links } ?? false
        if sameLinks, let earlier = previous?.links, earlier.fingerprint == links.fingerprint { links = earlier }
        memo.links = links
        let resolver = MarkdownStage.resolver(for: targets, site: site)
        let all = await MarkdownStage.resolve(parsed, resolver: resolver, previous: sameLinks ? previous?.resolved ?? [:] : [:])
        for r in all { log.add(contentsOf: r.diagnostics) }
        memo.resolved = Dictionary(all.map { ($0.page.page.contentPath, $0) }, uniquingKeysWith: { a, _ in a })
        let markdownEnded = PhaseMark.now()

        let navigation = site.config.navigation.isEmpty
            ? [.init(title: "ホーム", path: PageContext.homePath, line: 0), .init(title: "ガイダンス", path: PageContext.guidanceIndexPath, line: 0)]
            : site.config.navigation
        let context = PageContext(config: site.config, navigation: navigation)
        let job = templates.job
        // Each group of pages is made of its templates and site.yml besides its own inputs.
        let config = Fingerprint.of(site.config)
        func layout(_ templates: [String: String]) -> StableDigest { RenderCache.layout(templates: templates, site: config) }
        let pageLayout = layout(templates.pageLayout), listLayout = layout(templates.listLayout), restLayout = layout(templates.restLayout)

        // Markdown → units: what each part of the portal is rendered from, and how.
        var units: [RenderUnit] = []
        units.reserveCapacity(markdownPages.count + site.kinds.count + 2)
        // The list pages go first, so no core is left alone with one of them at the end.
        let listing = SiteListing(site)
        let pages = site.pages
        units.append(RenderUnit(key: RenderCache.listsKey, input: UnitInput(listing), layout: listLayout, path: nil) { [
            job(PageContext.homePath, "home") { context.home(pages, site: site) },
            job(PageContext.guidanceIndexPath, "section") { context.guidanceIndex(pages) },
            job(PageContext.sitemapPath, "sitemap") { context.sitemap(site) },
        ] })
        // Every kind's pages: units of their own (a guidance page each), and the pages made of the
        // kind's whole input, which are made of its Markdown pages as resolved too, and for a
        // kind whose data holds Markdown, of what links resolve against.
        let kindSite = KindSite(context: context, templates: templates, resolver: resolver, config: site.config, resolved: memo.resolved)
        var kindOutputs: [KindOutput] = []
        kindOutputs.reserveCapacity(site.kinds.count)
        for kind in site.kinds {
            var output = kind.render(in: kindSite)
            log.add(contentsOf: output.diagnostics)
            for unit in output.units {
                units.append(RenderUnit(key: unit.key, input: unit.input, layout: unit.layout == .page ? pageLayout : restLayout,
                                        path: unit.path, jobs: unit.jobs))
            }
            if !output.jobs.isEmpty {
                let resolved = kind.markdownPages.compactMap { memo.resolved[$0.contentPath] }
                let input = UnitInput(KindInputs(kind: kind, pages: resolved, links: kind.resolvesLinks ? links : nil))
                units.append(RenderUnit(key: RenderCache.kindKey(kind.id), input: input, layout: restLayout, path: nil) { [jobs = output.jobs] in jobs })
            }
            output.jobs = []
            output.units = []
            kindOutputs.append(output)
        }
        // The search page, made of its templates and site.yml alone.
        units.append(RenderUnit(key: RenderCache.searchKey, input: UnitInput(RenderCache.searchKey), layout: restLayout, path: nil) {
            [job(PageContext.searchPath, "search") { context.searchPage() }]
        })
        let guidance = all.filter { $0.page.page.kind == .guidance }

        if checkOnly {
            return Output(files: [], pages: guidance.map(\.page), searchDocuments: [], memo: memo)
        }

        // Units → files, each taken from an earlier render while its fingerprint is the same.
        let made = await RenderUnits.run(units, reusing: earlier, fingerprints: fingerprints, sink: sink)
        for error in made.failures {
            log.add(.error(.render, path: templates.displayPath(error.name), templates.sources[error.name] != nil
                ? .templateFailed(error.name)
                : .missingTemplate(error.name)))
        }
        memo.units = made.memo
        let files = made.files.flatMap { $0 }

        let documents = SearchDocuments.collect(config: site.config, kinds: kindOutputs)
        let written = Set(files.map(\.path))
        // A kind that failed to load has no pages; its place in the navigation is not a new mistake.
        for item in site.config.navigation where !written.contains(item.path) && site.unloadedKinds.isEmpty {
            log.add(.error(.render, path: site.config.sourcePath, line: item.line, column: item.column,
                           .navigationNotPage(item.path.string)))
        }
        return Output(files: files.sorted { $0.path < $1.path }, pages: guidance.map(\.page), searchDocuments: documents, memo: memo,
                      fingerprints: made.fingerprints, keptPages: made.keptPages, markdownEnded: markdownEnded)
    }
}

extension MarkdownStage.Resolved: Hashable, Encodable {
    static func == (a: MarkdownStage.Resolved, b: MarkdownStage.Resolved) -> Bool { a === b || a.page == b.page }
    func hash(into hasher: inout Hasher) { hasher.combine(page) }
    /// What the page template is given of it.
    func encode(to encoder: any Encoder) throws { try page.encode(to: encoder) }
}
