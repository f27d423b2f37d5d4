/// `faq.yml` → faq.html; answers are Markdown with checked links, each question a search document.
struct FAQKind: ContentKind {
    let id = "faq"
    static let file = "faq.yml"
    var resolvesLinks: Bool { true }

    func load(_ context: inout LoadContext, log: inout DiagnosticLog) async -> FAQDocument? {
        let content = context.content
        guard content.exists(Self.file), let text = content.readText(Self.file, log: &log) else { return nil }
        let path = content.displayPath(Self.file)
        return FAQDocument(displayPath: path, entries: FAQLoader.load(text, path: path, log: &log))
    }

    func render(_ faq: FAQDocument, in site: KindSite) -> KindOutput {
        var log = DiagnosticLog()
        let origin = LinkOrigin(contentPath: Self.file, displayPath: faq.displayPath, outputPath: PageContext.faqPath)
        let answers = site.markdown(faq.entries.map { ($0.answer, $0.answerLineOffset, $0.answerColumnOffset) }, origin: origin, log: &log)
        let html = answers.map(\.html), context = site.context
        var out = KindOutput(jobs: [site.templates.job(PageContext.faqPath, "faq") { context.faq(faq.entries, answersHTML: html) }])
        out.entries = SearchDocuments.faq(faq, answerText: answers.map(\.text))
        out.diagnostics = log.entries
        return out
    }

    var linkSources: [String] { [Self.file] }

    /// `[よくある質問](../faq.yml)` links the page, `#` and an entry's id its question.
    func linkTargets(_ faq: FAQDocument) -> [String: LinkResolver.Target] {
        let categories = PageContext.faqCategories(faq.entries).indices.map(PageContext.faqCategoryAnchor)
        return [Self.file: LinkResolver.Target(outputPath: PageContext.faqPath, headingIDs: Set(faq.entries.map(\.id) + categories))]
    }

    func links(_ faq: FAQDocument) -> [KindLink] {
        [KindLink(path: PageContext.faqPath, title: "よくある質問", section: .urgent, quickTitle: "よくある質問")]
    }
}
