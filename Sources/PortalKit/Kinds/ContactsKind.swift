/// `contacts.yml` → contacts.html, each non-placeholder entry a search document.
struct ContactsKind: ContentKind {
    let id = "contacts"
    static let file = "contacts.yml"

    func load(_ context: inout LoadContext, log: inout DiagnosticLog) async -> [ContactGroup]? {
        let content = context.content
        guard content.exists(Self.file), let text = content.readText(Self.file, log: &log) else { return nil }
        return ContactsLoader.load(text, path: content.displayPath(Self.file), log: &log)
    }

    func render(_ groups: [ContactGroup], in site: KindSite) -> KindOutput {
        let context = site.context
        var out = KindOutput(jobs: [site.templates.job(PageContext.contactsPath, "contacts") { context.contacts(groups) }])
        out.entries = SearchDocuments.contacts(groups)
        return out
    }

    var linkSources: [String] { [Self.file] }

    /// `[連絡先](../contacts.yml)` links the page, `#contacts-report` a group, `#contact-report-1` an entry.
    func linkTargets(_ groups: [ContactGroup]) -> [String: LinkResolver.Target] {
        let anchors = groups.flatMap { g in ["contacts-" + g.id] + g.entries.indices.map { PageContext.contactAnchor(group: g.id, index: $0) } }
        return [Self.file: LinkResolver.Target(outputPath: PageContext.contactsPath, headingIDs: Set(anchors))]
    }

    func links(_ groups: [ContactGroup]) -> [KindLink] {
        [KindLink(path: PageContext.contactsPath, title: "連絡先", section: .urgent, quickTitle: "連絡先")]
    }
}
