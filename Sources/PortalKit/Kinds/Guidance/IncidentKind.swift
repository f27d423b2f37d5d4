/// `incident.md` → incident.html: the first-response sheet, a Markdown page that also prints the
/// contact groups it names (`contacts:` in its front matter) from contacts.yml, so that a
/// printed sheet has the numbers on it when the network is down.
struct IncidentKind: ContentKind {
    let id = "incident"
    static let file = "incident.md"
    /// A sheet naming a group contacts.yml lacks is still a page (links to it are not broken).
    var keepsLoadedWithErrors: Bool { true }

    func load(_ context: inout LoadContext, log: inout DiagnosticLog) async -> IncidentSheet? {
        let content = context.content
        guard content.exists(Self.file),
              let page = await context.markdownPages([Self.file], kind: .incident, listed: false, log: &log).first else { return nil }
        let contacts = ContactsKind()
        let groups = await context.input(of: contacts, log: &log) ?? []
        let known = Set(groups.map(\.id))
        // A contacts.yml with mistakes has been reported; its groups are not known to be missing.
        for id in page.contactGroups where !known.contains(id) && !context.failed(contacts) {
            log.add(.error(.validate, path: content.displayPath(Self.file), line: 1, column: 1, .unknownContactGroup(id, known: known.sorted())))
        }
        if page.sample { log.add(SampleData.warning(page.displayPath)) }
        let named = page.contactGroups.compactMap { id in groups.first { $0.id == id } }
        return IncidentSheet(page: page, contacts: named)
    }

    func markdownPages(_ sheet: IncidentSheet) -> [GuidancePage] { [sheet.page] }

    func render(_ sheet: IncidentSheet, in site: KindSite) -> KindOutput {
        guard let resolved = site.resolved[sheet.page.contentPath] else { return KindOutput() }
        let context = site.context, page = resolved.page, contacts = sheet.contacts
        var out = KindOutput(jobs: [site.templates.job(page.page.outputPath, "incident") { context.incident(page, contacts: contacts) }])
        out.pages = resolved.documents
        return out
    }

    /// First of what matters in an emergency; the home page leads with it too.
    func links(_ sheet: IncidentSheet) -> [KindLink] {
        [KindLink(path: sheet.page.outputPath, title: sheet.page.title, section: .urgent)]
    }
}

/// The sheet as loaded, with the contact groups it prints, in its order.
struct IncidentSheet: Sendable, Hashable, Codable {
    var page: GuidancePage
    var contacts: [ContactGroup]
}
