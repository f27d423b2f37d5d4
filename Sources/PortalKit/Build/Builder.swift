import Foundation
import Synchronization

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
        // The caller's copy is let go for the build: the state's arrays and tables (the index's
        // postings, hundreds of thousands of entries) must be held once, or patching them in
        // place would copy each of them whole first.
        var current: BuildSession? = session
        session = BuildSession()
        defer { session = current ?? BuildSession() }
        return try await run(request, session: &current, progress: progress)
    }

    private static func run(_ request: BuildRequest, session: inout BuildSession?,
                            progress: @Sendable (BuildPhase) -> Void) async throws(BuildFailure) -> BuildSummary {
        let writer = StagedOutputFolder(target: request.output, displayPath: request.outputDisplay)
        do {
            try writer.checkSafe(protecting: [request.content, request.templates])
        } catch {
            throw BuildFailure([error.diagnostic])
        }
        // Without a session (`portal build`), what the last run made comes from the build cache.
        let cached = session == nil && request.useCache
        var run = Run(request: request, cached: cached)
        progress(.load)
        let input = try await load(&run, previous: session?.state, snapshot: session?.snapshot)
        run.timings.end(.load)
        progress(.render)
        // A single build hands each page to the staging folder's writer thread as soon as it is
        // rendered and keeps none of their bytes; watch keeps them, to compare the next build's with.
        let staging: StagedOutputFolder.Staging?
        do {
            staging = session == nil ? try writer.begin() : nil
        } catch {
            throw BuildFailure(run.log.entries + [error.diagnostic])
        }
        var made: Made
        do throws(BuildFailure) {
            made = try await render(input, &run, previous: session?.state, staging: staging)
        } catch {
            staging?.abort()
            throw error
        }
        // A single build has no next build in this process to hand its render state to: every
        // page as resolved (its HTML, headings and sections: tens of megabytes at 10,000 pages) is
        // let go before the index is built, and the pages' parses go to the build cache's writer
        // alone, which lets go of them once written (before the index is built).
        let parses = session == nil ? Handoff(made.letGoOfRenderState()) : nil
        run.timings.end(.parse, at: made.output.markdownEnded)
        run.timings.end(.render)
        // Watch, and the folder is as this process left it: the index is patched and only what
        // changed is written. Otherwise the portal is written aside and swapped in.
        // The index is taken out of the session to be patched in place (a shared copy would be
        // copied whole); from here a failure leaves the session empty and the next build full.
        if let marker = FileStamp(path: request.output.path + "/" + StagedOutputFolder.marker), marker == session?.state?.output.marker,
           let state = session?.state.take() {
            return try await update(made, input, &run, from: consume state, marker: marker, session: &session, progress: progress)
        }
        let summary = try await publish(made, consume input, parses, &run, writer: writer, staging: staging, session: &session, progress: progress)
        // A single build's documents and parses (hundreds of thousands of objects at 10,000
        // pages) are freed on another thread: the build is done, and `portal build` exits
        // without waiting for them.
        if session == nil { Leftovers.free(consume made) }
        return summary
    }

    /// What one build carries from phase to phase besides the phases' results.
    private struct Run {
        let request: BuildRequest
        /// Reuse the build cache, and write it.
        let cached: Bool
        var log = DiagnosticLog()
        var timings = PhaseTimings()
        var notes: [String] = []
        /// The build cache's pages, as read at the start.
        var cache: PageCache.Contents?
        /// The last output's files, as the build cache recorded them.
        var previousOutput: RenderCache.Reuse?
    }

    /// The load phase's result.
    private struct Input {
        var site: LoadedSite
        var templates: TemplateSet
        var assets: [OutputFile]
        /// The guidance pages as loaded with their stamps, for the next build.
        var pages: [String: LoadedPageMemo]
    }

    /// The render phase's result.
    private struct Made {
        var output: SiteRenderer.Output
        /// Everything but the search index's files.
        var files: [OutputFile]
        /// What parses depended on, digested once.
        var parseKey: StableDigest
        /// Each Markdown page's parse by content path, and each unit's files by key: what the
        /// build cache records of the render (from the memo while it is kept).
        var parsed: [String: ParsedPage] { output.memo.resolved.mapValues(\.parsed) }
        var unitPaths: [String: [SitePath]] { keptUnitPaths ?? output.memo.units.entries.mapValues { $0.files.map(\.path) } }
        private var keptUnitPaths: [String: [SitePath]]?

        init(output: SiteRenderer.Output, files: [OutputFile], parseKey: StableDigest) {
            self.output = output
            self.files = files
            self.parseKey = parseKey
        }

        /// The render's memo and pages let go but for each unit's files (a single build); answers
        /// the pages' parses, which only the build cache's writer then holds.
        mutating func letGoOfRenderState() -> [String: ParsedPage] {
            let parsed = self.parsed
            keptUnitPaths = unitPaths
            // Freed on another thread: tens of thousands of objects, a tenth of a second.
            let memo = output.memo, pages = output.pages
            output.memo = RenderMemo()
            output.pages = []
            Leftovers.free((consume memo, consume pages))
            return parsed
        }
    }

    /// Content, templates and assets, with every error of them.
    private static func load(_ run: inout Run, previous: BuildState?, snapshot: FileSnapshot?) async throws(BuildFailure) -> Input {
        let request = run.request
        guard FileManager.default.fileExists(atPath: request.content.path) else {
            throw BuildFailure([.error(.load, path: request.contentDisplay, .contentNotFound)])
        }
        let content = ContentFolder(root: request.content, displayRoot: request.contentDisplay)
        // Templates and assets are read and parsed on a core of their own while the content loads.
        let layout = Task {
            var log = DiagnosticLog()
            let templates = TemplateSet.load(from: request.templates, displayRoot: request.templatesDisplay, log: &log)
            let assets = AssetCopier.files(in: request.templates.appendingPathComponent("assets"),
                                          displayRoot: request.templatesDisplay + "/assets", log: &log)
            return (templates, assets, log)
        }
        if run.cached { run.cache = await PageCache.read(for: request, notes: &run.notes) }
        var pages: [String: LoadedPageMemo] = [:]
        let site = await SiteLoader.load(content, reusing: previous?.pages ?? run.cache?.entries.mapValues(\.memo) ?? [:],
                                         stamps: snapshot, memo: &pages, log: &run.log)
        let (templates, assets, layoutLog) = await layout.value
        run.log.add(contentsOf: layoutLog.entries)
        // Content with mistakes still goes on to be rendered, so that one run reports every
        // mistake (a broken link as well as a bad row); nothing is written while any is left.
        guard let site else { throw BuildFailure(run.log.entries) }
        guard let templates else {
            await SiteRenderer.checkMarkdown(site, log: &run.log)
            throw BuildFailure(run.log.entries)
        }
        return Input(site: site, templates: templates, assets: assets, pages: pages)
    }

    /// Every file of the portal but the search index's, checked to go to distinct places.
    private static func render(_ input: Input, _ run: inout Run, previous: BuildState?,
                               staging: StagedOutputFolder.Staging?) async throws(BuildFailure) -> Made {
        let request = run.request, site = input.site
        let parseKey = site.parseSettings.fingerprint
        let parsedCache = run.cache.flatMap { $0.parseSettings == parseKey ? $0.entries.compactMapValues(\.parsed) : nil } ?? [:]
        if run.cached {
            run.previousOutput = RenderCache.read(for: request, notes: &run.notes).map {
                RenderCache.Reuse(entries: $0.entries, outputRoot: request.output.path)
            }
        }
        var sink: (@Sendable ([OutputFile]) -> [OutputFile])?
        if let staging { sink = { staging.stageInBackground($0) } }
        let output = await SiteRenderer(templates: input.templates).render(site, reusing: previous?.render, parsed: parsedCache,
                                                                           previousOutput: run.previousOutput, fingerprints: run.cached,
                                                                           sink: sink, log: &run.log)
        try check(run.log, strict: request.strict)
        let attachments: [OutputFile]
        do {
            attachments = try site.attachments.map { a in
                OutputFile(path: a.outputPath, bytes: Array(try Data(contentsOf: request.content.appendingPathComponent(a.contentPath))))
            }
        } catch {
            throw BuildFailure(run.log.entries + [.error(.write, path: request.contentDisplay, .cannotReadAttachment(error.localizedDescription))])
        }
        let files = output.files + input.assets + attachments
            + [OutputFile(path: SitePath("README.md"), text: OutputReadme.text), SearchWordsScript.file(synonyms: site.synonyms)]
        // The same paths in the same order as last time were already found distinct.
        let samePathsAsBefore = previous.map { state in
            files.count <= state.output.files.count && zip(files, state.output.files).allSatisfy { $0.path == $1.path }
        } ?? false
        // Two pages with one slug were reported as such when loaded.
        if !samePathsAsBefore, !run.log.hasErrors {
            var claimed: Set<String> = []
            for file in files where !claimed.insert(file.path.string.lowercased()).inserted {
                run.log.add(.error(.write, path: file.path.string, .outputClash))
            }
        }
        try run.log.check()
        return Made(output: output, files: files, parseKey: parseKey)
    }

    /// Watch: the last build's index patched with the documents that changed, and the output
    /// folder brought up to date file by file.
    private static func update(_ made: Made, _ input: Input, _ run: inout Run, from state: consuming BuildState, marker: FileStamp,
                               session: inout BuildSession?, progress: @Sendable (BuildPhase) -> Void) async throws(BuildFailure) -> BuildSummary {
        let request = run.request
        progress(.index)
        var (index, previousFiles) = Self.takeIndex(consume state)
        await index.update(made.output.searchDocuments)
        run.timings.end(.index)
        let all = made.files + (await index.files())
        run.timings.end(.encode)
        progress(.write)
        let changed: Int
        do {
            changed = try OutputUpdater.update(request.output, displayPath: request.outputDisplay, from: previousFiles, to: all)
        } catch {
            throw BuildFailure(run.log.entries + [error.diagnostic])
        }
        run.timings.end(.write)
        session?.state = BuildState(pages: input.pages, render: made.output.memo, index: index, output: OutputRecord(files: all, marker: marker))
        return BuildSummary(pageCount: made.output.pageCount, fileCount: all.count, changedFiles: changed,
                            warnings: run.log.warnings.sorted(), timings: run.timings.entries)
    }

    /// `portal build` (and a session's first build): the portal written aside while the index is
    /// built on the other core, then swapped in; the build cache written for the next run.
    /// `parses`: the pages' parses for the page cache, when the render state was let go.
    private static func publish(_ made: Made, _ input: consuming Input, _ parses: Handoff<[String: ParsedPage]>?, _ run: inout Run, writer: StagedOutputFolder, staging begun: StagedOutputFolder.Staging?,
                                session: inout BuildSession?, progress: @Sendable (BuildPhase) -> Void) async throws(BuildFailure) -> BuildSummary {
        let request = run.request, output = made.output, cached = run.cached, cache = run.cache, parseKey = made.parseKey
        // The page cache is written again only if some page's file changed (or came or went).
        let pagesAsCached = cache.map { cache in
            cache.parseSettings == parseKey && cache.entries.count == input.pages.count
                && input.pages.allSatisfy { cache.entries[$0.key]?.memo.stamp == $0.value.stamp }
        } ?? false
        let parses = parses ?? Handoff(made.parsed)
        let cacheWritten = Task.detached { [pages = input.pages] in
            // Taken even when not written, so that they are let go here.
            if let parsed = parses.take(), cached, !pagesAsCached {
                await PageCache.write(pages, parsed: parsed, parseSettings: parseKey, previous: cache, for: request)
            }
        }
        let staging: StagedOutputFolder.Staging
        do throws(OutputError) {
            if let begun { staging = begun } else { staging = try writer.begin() }
        } catch {
            throw BuildFailure(run.log.entries + [error.diagnostic])
        }
        let pages = made.files
        let pagesWritten = Task.detached { () throws -> Void in try staging.write(pages) }
        // A single build writes the page cache before it builds the index, so that the pages'
        // parses are let go before the index's postings are made: the two at once were the
        // build's peak of memory.
        // What a session keeps of the loaded site; a single build lets the site go once the
        // page cache has it (every page's Markdown and fields: a tenth of the peak at 10,000
        // pages), so that the index is built in the memory the site held.
        let keptPages = session == nil ? nil : input.pages
        if session == nil {
            await cacheWritten.value
            Leftovers.free(consume input)
        }

        // The index is a pure function of what was rendered: with the cache, the index of the
        // very same documents is the last output's index files.
        progress(.index)
        let indexDigest = cached ? await RenderCache.digest(output.searchDocuments).combined(with: Fingerprint.of(request.jsonIndex)) : nil
        let index: SearchIndexState?
        let indexFiles: [OutputFile]
        var keptIndex = false
        if let indexDigest, let kept = run.previousOutput?.files(for: RenderCache.indexKey, digest: indexDigest) {
            keptIndex = true
            run.timings.end(.index)
            indexFiles = kept
            index = nil
        } else {
            var built = await SearchIndexState.build(output.searchDocuments, json: request.jsonIndex, patchable: session != nil)
            run.timings.end(.index)
            if session == nil {
                indexFiles = await built.finalFiles()
                index = nil
            } else {
                indexFiles = await built.files()
                index = built
            }
        }
        run.timings.end(.encode)

        progress(.write)
        do {
            try await pagesWritten.value
            await staging.drain()
            try staging.check()
            try staging.write(indexFiles)
            try staging.commit()
        } catch let error as OutputError {
            staging.abort()
            throw BuildFailure(run.log.entries + [error.diagnostic])
        } catch {
            staging.abort()
            throw BuildFailure(run.log.entries + [.error(.write, path: request.outputDisplay, .writeFailed("\(error)"))])
        }
        await cacheWritten.value
        if cached {
            var digests: [String: ([SitePath], StableDigest)] = [:]
            let unitPaths = made.unitPaths
            for (key, fingerprint) in output.fingerprints ?? [:] {
                digests[key] = (unitPaths[key] ?? [], fingerprint)
            }
            if let indexDigest { digests[RenderCache.indexKey] = (indexFiles.map(\.path), indexDigest) }
            await RenderCache.write(digests, for: request)
        }
        run.timings.end(.write)
        if let index, let keptPages {  // both kept only for a session
            let all = pages + indexFiles
            session?.state = FileStamp(path: request.output.path + "/" + StagedOutputFolder.marker).map { marker in
                BuildState(pages: keptPages, render: output.memo, index: index, output: OutputRecord(files: all, marker: marker))
            }
        }
        return BuildSummary(pageCount: output.pageCount, fileCount: pages.count + indexFiles.count, keptPages: output.keptPages, keptIndex: keptIndex,
                            warnings: run.log.warnings.sorted(), timings: run.timings.entries, notes: run.notes)
    }

    /// The last build's index and files; the rest of its state (tens of thousands of entries) is
    /// freed on another thread rather than before this build can go on.
    private static func takeIndex(_ state: consuming BuildState) -> (SearchIndexState, [OutputFile]) {
        let index = state.index
        state.index = SearchIndexState()
        let files = state.output.files
        Leftovers.free(state)
        return (index, files)
    }

    /// A value handed to another task, which takes it: then nothing else holds it.
    private final class Handoff<Value: Sendable>: Sendable {
        private let value: Mutex<Value?>
        init(_ value: sending Value) { self.value = Mutex(value) }
        func take() -> Value? { value.withLock { v in defer { v = nil }; return v } }
    }

    /// A value whose last references are handed to a background task, which lets it go: in a
    /// box the task empties, so whichever side lets go last, the freeing happens there.
    private final class Leftovers<Value>: @unchecked Sendable {
        private var value: Value?
        private init(_ value: consuming Value) { self.value = value }

        static func free(_ value: consuming Value) {
            let box = Leftovers(value)
            Task.detached(priority: .utility) { box.value = nil }
        }
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
