/// `services/` (categories.yml with services.csv or services.xlsx) → the registry's list and
/// category pages, services.json and the filter's data; each service a search document.
struct RegistryKind: ContentKind {
    let id = "registry"

    func load(_ context: inout LoadContext, log: inout DiagnosticLog) async -> Registry? {
        let content = context.content
        let before = log.entries.count
        guard var registry = RegistryLoader.load(content, options: context.config.registryImport, log: &log) else { return nil }
        registry.sample = context.config.registrySample
        // An empty list (as `portal init` writes it), not one whose every row had a mistake.
        if registry.services.isEmpty, !log.hasErrors(since: before) {
            log.add(.warning(.load, path: registry.sourcePath, .emptyRegistry))
        } else if registry.sample {
            let config = context.config
            if let line = config.registrySampleLine {
                log.add(.warning(.load, path: config.sourcePath, line: line, column: config.registrySampleColumn, .sampleRegistry(registry.sourcePath)))
            } else {
                log.add(SampleData.warning(registry.sourcePath))
            }
        } else if context.configIsRead, let warning = ExampleText.registryWarning(registry) {
            // Only when site.yml was read: it may well say sample: true, which the warning asks for.
            log.add(warning)
        }
        return registry
    }

    func render(_ registry: Registry, in site: KindSite) -> KindOutput {
        var out = KindOutput(jobs: RegistryPages(registry: registry, context: site.context).jobs(templates: site.templates))
        out.overview = SearchDocuments.registryPages(registry)
        out.rows = SearchDocuments.services(registry)
        return out
    }

    /// `[一覧](../services/services.csv)` (or `.xlsx`, whichever the list is kept as) links the list.
    func linkTargets(_ registry: Registry) -> [String: LinkResolver.Target] {
        let list = LinkResolver.Target(outputPath: RegistryPages.indexPath, headingIDs: [])
        return Dictionary(uniqueKeysWithValues: linkSources.map { ($0, list) })
    }

    var linkSources: [String] { ["services/services.csv", "services/services.xlsx"] }

    func links(_ registry: Registry) -> [KindLink] {
        [KindLink(path: RegistryPages.indexPath, title: "一覧と絞り込み", section: .registry,
                  quickTitle: "基準適合サービス一覧（\(registry.services.count)件）", sample: registry.sample)]
            + registry.categories.map { KindLink(path: RegistryPages.categoryPath($0.id), title: $0.name, section: .registry, sample: registry.sample) }
    }
}
