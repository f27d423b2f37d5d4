import Foundation

/// The load phase: site.yml and every guidance page, with all their errors.
public enum SiteLoader {
    public static func load(_ content: ContentFolder, log: inout DiagnosticLog) async -> LoadedSite? {
        var memo: [String: LoadedPageMemo] = [:]
        return await load(content, reusing: [:], memo: &memo, log: &log)
    }

    /// `reusing`: pages of the previous build by content path, taken as they are while their
    /// file's stamp is unchanged; `memo` receives this build's, for the next one.
    /// `stamps`: a snapshot's stamps by absolute path, when the caller has one.
    static func load(_ content: ContentFolder, reusing previous: [String: LoadedPageMemo], stamps: FileSnapshot? = nil,
                     memo: inout [String: LoadedPageMemo], log: inout DiagnosticLog) async -> LoadedSite? {
        var config: SiteConfig?
        if content.exists("site.yml") {
            if let text = content.readText("site.yml", log: &log) {
                config = SiteConfigLoader.load(text, path: content.displayPath("site.yml"), log: &log)
            }
        } else {
            log.add(.error(.load, path: content.displayPath("site.yml"), .missingSiteConfig))
        }
        // Pages are independent: read and decode them on every core, keep file order.
        let guidanceFiles = content.files(in: "guidance", log: &log)
        let files = guidanceFiles.filter { $0.lowercased().hasSuffix(".md") }
        let loaded = await parallelMap(files) { file -> (GuidancePage?, [Diagnostic], FileStamp?) in
            let path = content.root.path + "/" + file
            let stamp = stamps?.files[path] ?? FileStamp(path: path)
            if let stamp, let earlier = previous[file], earlier.stamp == stamp {
                return (earlier.page, earlier.diagnostics, stamp)
            }
            var pageLog = DiagnosticLog()
            guard let text = content.readText(file, listed: true, log: &pageLog) else { return (nil, pageLog.entries, nil) }
            let modified = stamp.flatMap { LocalDate.today(Date(timeIntervalSince1970: Double($0.modified) / 1e9)) }
            let page = GuidanceLoader.load(text, contentPath: file, displayPath: content.displayPath(file), modified: modified, log: &pageLog)
            return (page, pageLog.entries, stamp)
        }
        var pages: [GuidancePage] = []
        pages.reserveCapacity(loaded.count)
        memo = [:]
        memo.reserveCapacity(loaded.count)
        var unloaded: Set<String> = []
        for (file, (page, diagnostics, stamp)) in zip(files, loaded) {
            log.add(contentsOf: diagnostics)
            if let page { pages.append(page) } else { unloaded.insert(file) }
            if let stamp { memo[file] = LoadedPageMemo(stamp: stamp, page: page, diagnostics: diagnostics) }
        }
        reportDuplicateSlugs(pages, log: &log)
        // A kind with a mistake is left out, and what depends on it unchecked.
        var unloadedKinds: Set<String> = []
        let kinds = ContentKinds.all.compactMap { kind -> LoadedKind? in
            let before = log.entries.count
            let loaded = kind.loaded(from: content, config: config ?? SiteConfig(title: ""), log: &log)
            if log.entries[before...].contains(where: { $0.severity == .error }) {
                unloadedKinds.insert(kind.id)
                return nil
            }
            return loaded
        }
        let contacts = kinds.lazy.compactMap { $0.input(as: [ContactGroup].self) }.first
        var incident: GuidancePage?
        if content.exists("incident.md"), let text = content.readText("incident.md", log: &log) {
            let modified = FileStamp(path: content.root.path + "/incident.md").flatMap { LocalDate.today(Date(timeIntervalSince1970: Double($0.modified) / 1e9)) }
            incident = GuidanceLoader.load(text, contentPath: "incident.md", displayPath: content.displayPath("incident.md"), kind: .incident,
                                           modified: modified, log: &log)
            let known = Set((contacts ?? []).map(\.id))
            // A contacts.yml with mistakes has been reported; its groups are not known to be missing.
            for id in incident?.contactGroups ?? [] where !known.contains(id) && !unloadedKinds.contains(ContactsKind().id) {
                log.add(.error(.validate, path: content.displayPath("incident.md"), line: 1, column: 1,
                               .unknownContactGroup(id, known: known.sorted())))
            }
        }
        let attachments = AttachmentLoader.load(content, guidanceFiles: guidanceFiles, maxBytes: config?.maxAttachmentBytes ?? 20 * 1024 * 1024,
                                                   allowActive: config?.allowActiveAttachments ?? false, log: &log)
        // Titles compare by code point (their UTF-8 bytes): the same order as String's for the
        // NFC text YAML gives, without its Unicode machinery on every comparison.
        // Pages in their group's place (site.yml's guidance_groups), then by order and title.
        let groupRank = Dictionary((config?.guidanceGroups ?? []).enumerated().map { ($1, $0) }) { a, _ in a }
        for page in pages {
            if let group = page.group, groupRank[group] == nil {
                let known = config?.guidanceGroups ?? []
                log.add(.error(.validate, path: page.displayPath, line: 1, column: 1,
                               .unknownGroup(group, near: Suggestion.closest(to: group, in: known), known: known)))
            }
        }
        pages.sort { a, b in
            let (g, h) = (a.group.flatMap { groupRank[$0] } ?? Int.max, b.group.flatMap { groupRank[$0] } ?? Int.max)
            if g != h { return g < h }
            let (x, y) = (a.order ?? Int.max, b.order ?? Int.max)
            if x != y { return x < y }
            if a.title != b.title { return a.title.precedesByCodePoint(b.title) }
            return a.contentPath.precedesByCodePoint(b.contentPath)
        }
        for page in pages + (incident.map { [$0] } ?? []) where page.sample { log.add(SampleData.warning(page.displayPath)) }
        let synonyms = content.exists(SynonymsLoader.path) ? content.readText(SynonymsLoader.path, log: &log).map {
            SynonymsLoader.load($0, path: content.displayPath(SynonymsLoader.path), log: &log)
        } : nil
        guard let config else { return nil }
        // The file's groups, then those of the kinds (the glossary's aliases).
        let groups = (synonyms?.groups ?? []) + kinds.flatMap(\.synonyms)
        var site = LoadedSite(config: config, pages: pages, incident: incident, attachments: attachments, synonyms: SynonymTable(groups: groups))
        site.kinds = kinds
        if incident == nil, content.exists("incident.md") { unloaded.insert("incident.md") }
        site.unloadedPages = unloaded
        site.unloadedKinds = unloadedKinds
        return site
    }

    /// `pages` in the order of their files (the listing is sorted), so "first" is the earlier path.
    private static func reportDuplicateSlugs(_ pages: [GuidancePage], log: inout DiagnosticLog) {
        var first: [Slug: String] = [:]
        first.reserveCapacity(pages.count)
        for page in pages {
            if page.slug.value == "index" {
                log.add(.error(.validate, path: page.displayPath, line: 1, column: 1, .indexSlug))
            }
            if let earlier = first[page.slug] {
                log.add(.error(.validate, path: page.displayPath, line: 1, column: 1,
                               .duplicateSlug(page.slug.value, earlier: earlier)))
            } else {
                first[page.slug] = page.displayPath
            }
        }
    }
}
