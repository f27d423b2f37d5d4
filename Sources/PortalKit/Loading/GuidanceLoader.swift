import Foundation

/// Turns one Markdown file's text into a `GuidancePage`: front matter checked key by key.
enum GuidanceLoader {
    static let keys = ["title", "summary", "updated", "sources", "tags", "order", "slug", "sample", "link_terms", "group", "extra"]
    static let incidentKeys = ["title", "summary", "updated", "sources", "contacts", "sample", "extra"]

    /// `modified`: the file's modification date, the page's date when it has no front matter.
    static func load(_ text: String, contentPath: String, displayPath: String, kind: PageKind = .guidance, modified: LocalDate? = nil,
                     log: inout DiagnosticLog) -> GuidancePage? {
        let front: FrontMatter
        do {
            front = try FrontMatter.split(text)
        } catch .missing {
            return bare(text, contentPath: contentPath, displayPath: displayPath, kind: kind, modified: modified, log: &log)
        } catch {
            log.add(.error(.load, path: displayPath, line: 1, column: 1, .frontMatterUnclosed))
            return nil
        }
        for line in front.lookalikeFences {
            log.add(.warning(.load, path: displayPath, line: line, column: 1, .lookalikeFence))
        }
        let source = YAMLSource(path: displayPath, lineOffset: front.yamlLineOffset)
        guard let map = YAMLMapping(source.parse(front.yaml, log: &log), source: source, what: .file("front matter"), log: &log) else { return nil }
        let errorsBefore = log.entries.count
        map.warnUnknownKeys(allowed: kind == .incident ? incidentKeys : keys, log: &log)
        let title = map.string("title", required: true, log: &log)
        let updated = map.date("updated", required: true, log: &log)
        let summary = map.string("summary", log: &log) ?? ""
        let order = map.int("order", log: &log)
        let tags = map.stringList("tags", log: &log)
        let sample = map.bool("sample", log: &log) ?? false
        let linkTerms = map.bool("link_terms", log: &log) ?? true
        let group = map.string("group", log: &log)
        let extra = map.value("extra").map(ExtraValue.init)
        var sources: [SourceLink] = []
        for item in map.mappings("sources", what: "a source", log: &log) {
            item.rejectUnknownKeys(allowed: ["title", "url"], log: &log)
            guard let t = item.string("title", required: true, log: &log),
                  let url = item.string("url", required: true, log: &log)
            else { continue }
            if let problem = URLText.problem(with: url, otherwise: .sourceNotHTTP(url)) {
                log.add(source.diagnostic(item.valueMark("url"), problem))
                continue
            }
            if ExampleText.isExampleAddress(url) {
                log.add(source.diagnostic(item.valueMark("url"), .exampleSourceURL(url), severity: .warning))
            }
            sources.append(SourceLink(title: t, url: url))
        }
        let stem = String(contentPath.split(separator: "/").last!.dropLast(3))
        var contactGroups: [String] = []
        if kind == .incident, let node = map.value("contacts") {
            if case .scalar = node {
                contactGroups = map.string("contacts", log: &log).map { [$0] } ?? []
            } else {
                contactGroups = map.stringList("contacts", namesOnly: true, log: &log)
            }
        }
        var slug: Slug?
        if kind == .incident {
            slug = Slug("incident")
        } else if let written = map.string("slug", log: &log) {
            slug = Slug(written)
            if slug == nil {
                log.add(source.diagnostic(map.valueMark("slug"), .badSlug(written)))
            }
        } else {
            slug = Slug.fromFileName(stem)
            if slug == nil {
                log.add(.error(.load, path: displayPath, line: 1, column: 1, .fileNameNotURL(stem, bare: false)))
            }
        }
        guard let title, let updated, let slug, !log.hasErrors(since: errorsBefore) else {
            return nil
        }
        if let line = stubLine(front.body) {
            log.add(.warning(.load, path: displayPath, line: line + front.bodyLineOffset, column: 1, .pageStillStub))
        }
        return GuidancePage(
            kind: kind, contentPath: contentPath, displayPath: displayPath, slug: slug, title: title, summary: summary,
            updated: updated, sources: sources, tags: tags, order: order,
            body: front.body, bodyLineOffset: front.bodyLineOffset, contactGroups: contactGroups,
            updatedLine: (map.valueMark("updated")?.line ?? 0) + front.yamlLineOffset, updatedColumn: map.valueMark("updated")?.column ?? 1, sample: sample, linkTerms: linkTerms, group: group,
            extra: extra
        )
    }

    /// The line (1-based, in the body) of `portal new page`'s sentence, if the editor left it.
    /// Looked for near the top only, where the command writes it: every page is read, and
    /// scanning every body in full would be a cost for a rare slip.
    /// Searched as bytes: the standard library's generic `firstRange(of:)` over a UTF-8 view
    /// was 9 % of a 10,000-page build's CPU for these 512 bytes a page.
    static func stubLine(_ body: String) -> Int? {
        var body = body
        return body.withUTF8 { bytes -> Int? in
            let top = bytes.prefix(512)
            let needle = stubSentenceBytes
            guard top.count >= needle.count else { return nil }
            var line = 1
            for start in top.startIndex...(top.endIndex - needle.count) {
                let byte = top[start]
                if byte == needle[0], top[start..<(start + needle.count)].elementsEqual(needle) { return line }
                if byte == UInt8(ascii: "\n") { line += 1 }
            }
            return nil
        }
    }

    private static let stubSentenceBytes = Array(NewPage.stubSentence.utf8)

    /// A file with no front matter, as other tools' Markdown often is: the title is its first
    /// heading (a level-1 heading is taken out of the text, as the page prints the title itself),
    /// the date is the file's, the slug its name.
    private static func bare(_ text: String, contentPath: String, displayPath: String, kind: PageKind, modified: LocalDate?,
                             log: inout DiagnosticLog) -> GuidancePage? {
        guard let heading = FirstHeading.find(in: text) else {
            log.add(.error(.load, path: displayPath, line: 1, column: 1, .noTitle))
            return nil
        }
        guard let updated = modified else {
            log.add(.error(.load, path: displayPath, line: 1, column: 1, .noDate))
            return nil
        }
        let stem = String(contentPath.split(separator: "/").last!.dropLast(3))
        guard let slug = kind == .incident ? Slug("incident") : Slug.fromFileName(stem) else {
            log.add(.error(.load, path: displayPath, line: 1, column: 1,
                           .fileNameNotURL(stem, bare: true)))
            return nil
        }
        return GuidancePage(kind: kind, contentPath: contentPath, displayPath: displayPath, slug: slug, title: heading.title, summary: "",
                            updated: updated, sources: [], tags: [], order: nil, body: heading.bodyWithoutTitle ?? text, bodyLineOffset: 0)
    }
}

/// The first ATX (`# …`) or setext (`…` over `===`) heading of a Markdown text, outside code fences.
struct FirstHeading: Equatable {
    var title: String
    /// The text with a level-1 heading's lines blanked (line numbers kept); nil for another level.
    var bodyWithoutTitle: String?

    static func find(in text: String) -> FirstHeading? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var fence: Character?
        for (i, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let indented = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indented)
            if indented <= 3, let mark = rest.first, mark == "`" || mark == "~", rest.prefix(while: { $0 == mark }).count >= 3 {
                fence = fence == nil ? mark : (fence == mark ? nil : fence)
                continue
            }
            guard fence == nil, indented <= 3 else { continue }
            let hashes = rest.prefix { $0 == "#" }.count
            if (1...6).contains(hashes), rest.count == hashes || rest.dropFirst(hashes).first == " " || rest.dropFirst(hashes).first == "\t" {
                var title = rest.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
                // A closing sequence of #s after a space is not part of the title.
                if let cut = title.range(of: #"(^|[ \t])#+$"#, options: .regularExpression) { title = String(title[..<cut.lowerBound]).trimmingCharacters(in: .whitespaces) }
                guard !title.isEmpty else { continue }
                return FirstHeading(title: title, bodyWithoutTitle: hashes == 1 ? blank(lines, i...i) : nil)
            }
            if !line.trimmingCharacters(in: .whitespaces).isEmpty, i + 1 < lines.count {
                let under = lines[i + 1].trimmingCharacters(in: .whitespaces)
                if !under.isEmpty, under.allSatisfy({ $0 == "=" }) || (under.allSatisfy({ $0 == "-" }) && under.count >= 2) {
                    // Setext only when the line before it is not part of a paragraph above.
                    if i == 0 || lines[i - 1].trimmingCharacters(in: .whitespaces).isEmpty {
                        return FirstHeading(title: line.trimmingCharacters(in: .whitespaces), bodyWithoutTitle: under.first == "=" ? blank(lines, i...(i + 1)) : nil)
                    }
                }
            }
        }
        return nil
    }

    private static func blank(_ lines: [Substring], _ range: ClosedRange<Int>) -> String {
        var copy = lines
        for i in range { copy[i] = "" }
        return copy.joined(separator: "\n")
    }
}
