/// `glossary.yml` → glossary.html with a 50音 index; each term a search document, its aliases
/// search synonyms, and its first use on a guidance page a link to its entry.
struct GlossaryKind: ContentKind {
    let id = "glossary"
    var resolvesLinks: Bool { true }

    func load(_ context: inout LoadContext, log: inout DiagnosticLog) async -> Glossary? {
        let content = context.content
        guard content.exists(Glossary.path), let text = content.readText(Glossary.path, log: &log) else { return nil }
        return GlossaryLoader.load(text, path: content.displayPath(Glossary.path), log: &log)
    }

    func render(_ glossary: Glossary, in site: KindSite) -> KindOutput {
        var log = DiagnosticLog()
        let origin = LinkOrigin(contentPath: Glossary.path, displayPath: glossary.displayPath, outputPath: Glossary.outputPath)
        let definitions = site.markdown(glossary.terms.map { ($0.definition, $0.definitionLine, $0.definitionColumn) }, origin: origin, log: &log)
        let page = GlossaryPage(glossary: glossary, definitionsHTML: definitions.map(\.html), page: site.context)
        var out = KindOutput(jobs: [site.templates.job(Glossary.outputPath, "glossary") { page.templateContext() }])
        out.overview = [SearchDocuments.page(Glossary.outputPath, GlossaryPage.title,
                                             "セキュリティ用語の読みと意味の一覧（\(glossary.terms.count)語）。用語集 用語解説")]
        out.entries = zip(glossary.terms, definitions).map { term, definition in
            SearchDocument(kind: .term, title: term.term, breadcrumb: [GlossaryPage.title],
                           url: Glossary.outputPath.string + "#" + URLText.encodeFragment(term.anchor),
                           text: ([term.reading] + term.aliases + [definition.text]).filter { !$0.isEmpty }.joined(separator: " "),
                           pageTitle: term.term)
        }
        out.diagnostics = log.entries
        return out
    }

    func links(_ glossary: Glossary) -> [KindLink] {
        [KindLink(path: Glossary.outputPath, title: GlossaryPage.title, section: .reference, quickTitle: GlossaryPage.title)]
    }

    func synonyms(_ glossary: Glossary) -> [[String]] {
        glossary.terms.filter { !$0.aliases.isEmpty }.map { [$0.term] + $0.aliases }
    }

    func terms(_ glossary: Glossary) -> [TermLink] {
        glossary.terms.map { TermLink(words: [$0.term] + $0.aliases, target: "/" + Glossary.path + "#" + $0.anchor) }
    }

    var linkSources: [String] { [Glossary.path] }

    func linkTargets(_ glossary: Glossary) -> [String: LinkResolver.Target] {
        [Glossary.path: LinkResolver.Target(outputPath: Glossary.outputPath, headingIDs: Set(glossary.terms.map(\.anchor)))]
    }
}
