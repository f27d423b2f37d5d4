/// Turns one Markdown file's text into a `GuidancePage`: front matter checked key by key.
enum GuidanceLoader {
    static let keys = ["title", "summary", "updated", "sources", "tags", "order", "slug", "sample", "link_terms", "group"]
    static let incidentKeys = ["title", "summary", "updated", "sources", "contacts", "sample"]

    static func load(_ text: String, contentPath: String, displayPath: String, kind: PageKind = .guidance, log: inout DiagnosticLog) -> GuidancePage? {
        let front: FrontMatter
        do {
            front = try FrontMatter.split(text)
        } catch .missing {
            log.add(.error(.load, path: displayPath, line: 1, column: 1, "missing front matter: start the file with a line '---', then title: and updated:, then another '---'"))
            return nil
        } catch {
            log.add(.error(.load, path: displayPath, line: 1, column: 1, "front matter is never closed: add a line '---' after it"))
            return nil
        }
        let source = YAMLSource(path: displayPath, lineOffset: front.yamlLineOffset)
        guard let map = YAMLMapping(source.parse(front.yaml, log: &log), source: source, what: "front matter", log: &log) else { return nil }
        let errorsBefore = log.entries.count
        map.rejectUnknownKeys(allowed: kind == .incident ? incidentKeys : keys, log: &log)
        let title = map.string("title", required: true, log: &log)
        let updated = map.date("updated", required: true, log: &log)
        let summary = map.string("summary", log: &log) ?? ""
        let order = map.int("order", log: &log)
        let tags = map.stringList("tags", log: &log)
        let sample = map.bool("sample", log: &log) ?? false
        let linkTerms = map.bool("link_terms", log: &log) ?? true
        let group = map.string("group", log: &log)
        var sources: [SourceLink] = []
        for item in map.mappings("sources", what: "a source", log: &log) {
            item.rejectUnknownKeys(allowed: ["title", "url"], log: &log)
            guard let t = item.string("title", required: true, log: &log),
                  let url = item.string("url", required: true, log: &log)
            else { continue }
            guard URLText.isHTTP(url) else {
                log.add(source.diagnostic(item.valueMark("url"), "source url must start with http:// or https://, not '\(url)'"))
                continue
            }
            if ExampleText.isExampleAddress(url) {
                log.add(source.diagnostic(item.valueMark("url"), "source url '\(url)' is an example address: cite where the facts really come from", severity: .warning))
            }
            sources.append(SourceLink(title: t, url: url))
        }
        let stem = String(contentPath.split(separator: "/").last!.dropLast(3))
        var contactGroups: [String] = []
        if kind == .incident, let node = map.value("contacts") {
            if case .scalar = node {
                contactGroups = map.string("contacts", log: &log).map { [$0] } ?? []
            } else {
                contactGroups = map.stringList("contacts", log: &log)
            }
        }
        var slug: Slug?
        if kind == .incident {
            slug = Slug("incident")
        } else if let written = map.string("slug", log: &log) {
            slug = Slug(written)
            if slug == nil {
                log.add(source.diagnostic(map.valueMark("slug"), "slug '\(written)' may hold only lower-case ASCII letters, digits, '-' and '_' (no '/', '..' or Japanese)"))
            }
        } else {
            slug = Slug.fromFileName(stem)
            if slug == nil {
                log.add(.error(.load, path: displayPath, line: 1, column: 1, "file name '\(stem)' cannot be used in a URL: add slug: with lower-case ASCII letters, digits and '-' (e.g. slug: incident-response)"))
            }
        }
        guard let title, let updated, let slug, !log.entries[errorsBefore...].contains(where: { $0.severity == .error }) else {
            return nil
        }
        return GuidancePage(
            kind: kind, contentPath: contentPath, displayPath: displayPath, slug: slug, title: title, summary: summary,
            updated: updated, sources: sources, tags: tags, order: order,
            body: front.body, bodyLineOffset: front.bodyLineOffset, contactGroups: contactGroups,
            updatedLine: (map.valueMark("updated")?.line ?? 0) + front.yamlLineOffset, updatedColumn: map.valueMark("updated")?.column ?? 1, sample: sample, linkTerms: linkTerms, group: group
        )
    }
}
