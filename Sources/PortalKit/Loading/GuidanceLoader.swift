/// Turns one Markdown file's text into a `GuidancePage`: front matter checked key by key.
enum GuidanceLoader {
    static let keys = ["title", "summary", "updated", "sources", "tags", "order", "slug"]

    static func load(_ text: String, contentPath: String, displayPath: String, log: inout DiagnosticLog) -> GuidancePage? {
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
        guard let node = source.parse(front.yaml, log: &log) else {
            if front.yaml.trimmed().isEmpty {
                log.add(.error(.load, path: displayPath, line: 1, column: 1, "front matter is empty: it needs at least title: and updated:"))
            }
            return nil
        }
        guard let map = YAMLMapping(node, source: source, what: "front matter", log: &log) else { return nil }
        let errorsBefore = log.entries.count
        map.rejectUnknownKeys(allowed: keys, log: &log)
        let title = map.string("title", required: true, log: &log)
        let updated = map.date("updated", required: true, log: &log)
        let summary = map.string("summary", log: &log) ?? ""
        let order = map.int("order", log: &log)
        let tags = map.stringList("tags", log: &log)
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
            sources.append(SourceLink(title: t, url: url))
        }
        let stem = String(contentPath.split(separator: "/").last!.dropLast(3))
        var slug: Slug?
        if let written = map.string("slug", log: &log) {
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
            contentPath: contentPath, displayPath: displayPath, slug: slug, title: title, summary: summary,
            updated: updated, sources: sources, tags: tags, order: order,
            body: front.body, bodyLineOffset: front.bodyLineOffset
        )
    }
}
