import Foundation

/// The load phase: site.yml, then every kind of content (`ContentKinds.all`), the attachments
/// and the search synonyms, with all their errors.
public enum SiteLoader {
    public static func load(_ content: ContentFolder, log: inout DiagnosticLog) async -> LoadedSite? {
        var memo: [String: LoadedPageMemo] = [:]
        return await load(content, reusing: [:], memo: &memo, log: &log)
    }

    /// `reusing`: Markdown pages of the previous build by content path, taken as they are while
    /// their file's stamp is unchanged; `memo` receives this build's, for the next one.
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
        // Without a usable site.yml the kinds are still loaded, so that one run reports every mistake.
        let settings = config ?? SiteConfig(title: "")
        var context = LoadContext(content: content, config: settings, earlierPages: previous, stamps: stamps)
        context.configIsRead = config != nil
        for kind in ContentKinds.all { await context.load(kind, log: &log) }
        let attachments = AttachmentLoader.load(content, guidanceFiles: context.files(in: GuidanceKind.folder, log: &log),
                                                maxBytes: settings.maxAttachmentBytes, allowActive: settings.allowActiveAttachments, log: &log)
        let synonyms = content.exists(SynonymsLoader.path) ? content.readText(SynonymsLoader.path, log: &log).map {
            SynonymsLoader.load($0, path: content.displayPath(SynonymsLoader.path), log: &log)
        } : nil
        memo = context.pages
        guard let config else { return nil }
        let kinds = ContentKinds.all.compactMap { context.kinds[$0.id] }
        // The file's groups, then those of the kinds (the glossary's aliases).
        let groups = (synonyms?.groups ?? []) + kinds.flatMap(\.synonyms)
        return LoadedSite(config: config, kinds: kinds, attachments: attachments, synonyms: SynonymTable(groups: groups),
                          unloadedPages: context.unloadedPages, unloadedKinds: context.unloadedKinds)
    }
}
