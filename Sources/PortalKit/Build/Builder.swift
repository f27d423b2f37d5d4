import Foundation

/// `portal build`: load → validate → render → write, each phase named in progress and errors.
/// Nothing is written unless every phase succeeded.
public enum Builder {
    /// One build on its own (`portal build`): what the last run made comes from the build cache.
    public static func build(_ request: BuildRequest, progress: @Sendable (BuildPhase) -> Void = { _ in }) async throws(BuildFailure) -> BuildSummary {
        var none: BuildSession? = nil
        return try await run(request, session: &none, progress: progress)
    }

    /// One of a series (watch, serve): what the builds before it made is reused where its
    /// inputs are unchanged, and only changed files are written. A failed build leaves the
    /// session as it was, or empty once the index was taken out of it to be patched.
    public static func build(_ request: BuildRequest, session: inout BuildSession,
                             progress: @Sendable (BuildPhase) -> Void = { _ in }) async throws(BuildFailure) -> BuildSummary {
        var current: BuildSession? = session
        defer { session = current ?? BuildSession() }
        return try await run(request, session: &current, progress: progress)
    }

    private static func run(_ request: BuildRequest, session: inout BuildSession?,
                            progress: @Sendable (BuildPhase) -> Void) async throws(BuildFailure) -> BuildSummary {
        var previous = session?.state
        let writer = StagedOutputFolder(target: request.output, displayPath: request.outputDisplay)
        do {
            try writer.checkSafe(protecting: [request.content, request.templates])
        } catch {
            throw BuildFailure([.error(.write, path: error.path, error.message)])
        }
        var log = DiagnosticLog()
        // With the cache, what every content file was when read goes into the record of this build.
        let cached = session == nil && request.useCache
        let reads = cached ? ReadLog() : nil
        let content = ContentFolder(root: request.content, displayRoot: request.contentDisplay, reads: reads)

        var timings = PhaseTimings()
        progress(.load)
        guard FileManager.default.fileExists(atPath: request.content.path) else {
            throw BuildFailure([.error(.load, path: request.contentDisplay, "content folder not found")])
        }
        // Without a session (`portal build`), what the last run loaded and parsed comes from the cache.
        var notes: [String] = []
        let cache = cached ? await PageCache.read(for: request, notes: &notes) : nil
        var loadedPages: [String: LoadedPageMemo] = [:]
        let site = await SiteLoader.load(content, reusing: previous?.pages ?? cache?.entries.mapValues(\.memo) ?? [:],
                                         stamps: session?.snapshot, memo: &loadedPages, log: &log)
        let templates = TemplateSet.load(from: request.templates, displayRoot: request.templatesDisplay, log: &log)
        let assets = AssetCopier.files(in: request.templates.appendingPathComponent("assets"),
                                      displayRoot: request.templatesDisplay + "/assets", log: &log)
        try log.check()
        guard let site, let templates else { throw BuildFailure(log.entries) }
        timings.end(.load)

        progress(.render)
        // What parses depend on besides the pages (raw HTML, the glossary's terms), digested once.
        let parseKey = site.parseSettings.fingerprint
        let parsedCache = cache.flatMap { $0.parseSettings == parseKey ? $0.entries.compactMapValues(\.parsed) : nil } ?? [:]
        // And the pages rendered last time from the same inputs are taken from the last output.
        let readDigests = reads?.all
        let previousOutput = cached ? RenderCache.read(for: request, notes: &notes).map {
            RenderCache.Reuse(entries: $0.entries, outputRoot: request.output.path)
        } : nil
        let output = await SiteRenderer(templates: templates).render(site, reusing: previous?.render, parsed: parsedCache,
                                                                     previousOutput: previousOutput, reads: readDigests, log: &log)
        try check(log, strict: request.strict)
        let attachments: [OutputFile]
        do {
            attachments = try site.attachments.map { a in
                OutputFile(path: a.outputPath, bytes: Array(try Data(contentsOf: request.content.appendingPathComponent(a.contentPath))))
            }
        } catch {
            throw BuildFailure(log.entries + [.error(.write, path: request.contentDisplay, "cannot read an attachment: \(error.localizedDescription)")])
        }
        let pages = output.files + assets + attachments
            + [OutputFile(path: SitePath("README.md"), text: OutputReadme.text), SearchWordsScript.file(synonyms: site.synonyms)]
        // The same paths in the same order as last time were already found distinct.
        let samePathsAsBefore = previous.map { state in
            pages.count <= state.output.files.count && zip(pages, state.output.files).allSatisfy { $0.path == $1.path }
        } ?? false
        if !samePathsAsBefore {
            var claimed: Set<String> = []
            for file in pages where !claimed.insert(file.path.string.lowercased()).inserted {
                log.add(.error(.write, path: file.path.string, "two files would be written to this place in the output (a page, an asset or an attachment share the name, perhaps differing only in case): rename one"))
            }
        }
        try log.check()
        timings.end(.render)

        // Watch mode, and the folder is as this process left it: write only what changed.
        if let marker = FileStamp(path: request.output.path + "/" + StagedOutputFolder.marker), let recorded = previous?.output.marker, marker == recorded {
            progress(.index)
            // The index is taken out of the session to be patched in place (a shared copy would
            // be copied whole); from here a failure leaves the session empty and the next build full.
            session?.state = nil
            var (index, previousFiles) = Self.takeIndex(previous.take()!)
            await index.update(output.searchDocuments)
            let all = pages + (await index.files())
            timings.end(.index)
            progress(.write)
            let changed: Int
            do {
                changed = try OutputUpdater.update(request.output, displayPath: request.outputDisplay, from: previousFiles, to: all)
            } catch {
                throw BuildFailure(log.entries + [.error(.write, path: error.path, error.message)])
            }
            timings.end(.write)
            session?.state = BuildState(pages: loadedPages, render: output.memo, index: index,
                                        output: OutputRecord(files: all, marker: marker))
            return BuildSummary(pageCount: output.pageCount, fileCount: all.count, changedFiles: changed,
                                warnings: log.warnings.sorted(), timings: timings.entries)
        }

        // The pages are final: write them aside while the index is built on the other core. The
        // page cache is written again only if some page's file changed (or came or went).
        let pagesAsCached = cache.map { cache in
            cache.parseSettings == parseKey && cache.entries.count == loadedPages.count
                && loadedPages.allSatisfy { cache.entries[$0.key]?.memo.stamp == $0.value.stamp }
        } ?? false
        let cacheWritten = Task.detached { [loadedPages, memo = output.memo] in
            if cached, !pagesAsCached {
                await PageCache.write(loadedPages, parsed: memo.resolved.mapValues(\.parsed), parseSettings: parseKey, previous: cache, for: request)
            }
        }
        let staging: StagedOutputFolder.Staging
        do {
            staging = try writer.begin()
        } catch {
            throw BuildFailure(log.entries + [.error(.write, path: error.path, error.message)])
        }
        let pagesWritten = Task.detached { () throws -> Void in try staging.write(pages) }

        // The index is a pure function of what was rendered: with the cache, the index of the
        // very same documents is the last output's index files.
        progress(.index)
        let indexDigest = cached ? RenderCache.digest(output.searchDocuments) : nil
        let index: SearchIndexState?
        let indexFiles: [OutputFile]
        if let indexDigest, let kept = previousOutput?.files(for: RenderCache.indexKey, digest: indexDigest) {
            indexFiles = kept
            index = nil
        } else {
            var built = await SearchIndexState.build(output.searchDocuments)
            indexFiles = await built.files()
            index = built
        }
        timings.end(.index)

        progress(.write)
        do {
            try await pagesWritten.value
            try staging.write(indexFiles)
            try staging.commit()
        } catch let error as OutputError {
            staging.abort()
            throw BuildFailure(log.entries + [.error(.write, path: error.path, error.message)])
        } catch {
            staging.abort()
            throw BuildFailure(log.entries + [.error(.write, path: request.outputDisplay, "\(error)")])
        }
        await cacheWritten.value
        if cached {
            var digests = output.digests
            if let indexDigest { digests[RenderCache.indexKey] = (indexFiles.map(\.path), indexDigest) }
            RenderCache.write(digests, for: request)
        }
        timings.end(.write)
        if session != nil, let index {
            let all = pages + indexFiles
            session?.state = FileStamp(path: request.output.path + "/" + StagedOutputFolder.marker).map { marker in
                BuildState(pages: loadedPages, render: output.memo, index: index, output: OutputRecord(files: all, marker: marker))
            }
        }
        return BuildSummary(pageCount: output.pageCount, fileCount: pages.count + indexFiles.count, keptPages: output.keptPages, keptIndex: index == nil,
                            warnings: log.warnings.sorted(), timings: timings.entries, notes: notes)
    }

    /// The last build's index and files; the rest of its state (tens of thousands of entries) is
    /// freed on another thread rather than before this build can go on. The state is handed
    /// over in a box the other thread empties, so whichever side lets go last, the freeing
    /// happens there.
    private static func takeIndex(_ state: consuming BuildState) -> (SearchIndexState, [OutputFile]) {
        let index = state.index
        state.index = SearchIndexState()
        let files = state.output.files
        let retired = Retired(state)
        Task.detached(priority: .utility) { retired.free() }
        return (index, files)
    }

    private final class Retired: @unchecked Sendable {
        private var state: BuildState?
        init(_ state: consuming BuildState) { self.state = state }
        func free() { state = nil }
    }

    /// Errors always fail; with `--strict`, warnings do too.
    static func check(_ log: DiagnosticLog, strict: Bool) throws(BuildFailure) {
        if log.hasErrors || (strict && !log.warnings.isEmpty) {
            throw BuildFailure(log.entries.map { d in
                var d = d
                if strict { d.severity = .error }
                return d
            })
        }
    }
}

/// The README every output folder carries (and the one committed in the repository's `output/`).
enum OutputReadme {
    static let text = """
    # output/

    This folder is generated by `portal build` from `content/` and `templates/`; do not edit it by hand.
    Open `index.html` in a browser (it works straight from disk), or copy the whole folder to a web server.

    このフォルダーは `portal build` が生成します。直接編集しないでください。`index.html` をブラウザーで開いてください。

    """
}
