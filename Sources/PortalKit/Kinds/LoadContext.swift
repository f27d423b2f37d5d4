import Foundation

/// What loading a kind may use besides its own files, and what every kind's loading adds to:
/// site.yml as read, the other kinds (a kind asks for another's input and that kind is loaded
/// then, so `ContentKinds.all` orders the pages, not the loading), the folders' listings (each
/// listed once, so a problem with one is reported once), and the Markdown files the last build
/// read, taken over while their stamps are the same.
struct LoadContext {
    let content: ContentFolder
    let config: SiteConfig
    /// False when site.yml could not be read and `config` is a stand-in: checks against its
    /// lists (the guidance groups) would only repeat site.yml's own error on every page.
    var configIsRead = true
    /// Markdown pages as the last build (or the build cache) read them, by content path.
    private let earlierPages: [String: LoadedPageMemo]
    /// The watcher's stamps of the content's files, by absolute path, when it has them.
    private let stamps: FileSnapshot?

    /// Markdown pages as this build read them, for the next one.
    private(set) var pages: [String: LoadedPageMemo] = [:]
    /// Markdown files that could not be loaded (their mistakes reported).
    private(set) var unloadedPages: Set<String> = []
    /// Kinds loaded so far, by id; and those left out for their mistakes.
    private(set) var kinds: [String: LoadedKind] = [:]
    private(set) var unloadedKinds: Set<String> = []
    private var loading: Set<String> = []
    private var listings: [String: [String]] = [:]

    init(content: ContentFolder, config: SiteConfig, earlierPages: [String: LoadedPageMemo], stamps: FileSnapshot?) {
        self.content = content
        self.config = config
        self.earlierPages = earlierPages
        self.stamps = stamps
    }

    /// Loads the kind unless it was already, asked for by another. A kind with a mistake is left
    /// out, and what depends on it unchecked, unless it keeps what loaded (pages do).
    @discardableResult
    mutating func load<K: ContentKind>(_ kind: K, log: inout DiagnosticLog) async -> LoadedKind? {
        if let done = kinds[kind.id] { return done }
        // A kind asking, through others, for itself gets nothing rather than looping.
        guard !unloadedKinds.contains(kind.id), loading.insert(kind.id).inserted else { return nil }
        defer { loading.remove(kind.id) }
        let before = log.entries.count
        let input = await kind.load(&self, log: &log)
        if !kind.keepsLoadedWithErrors, log.hasErrors(since: before) {
            unloadedKinds.insert(kind.id)
            unloadedPages.formUnion(kind.linkSources)
            return nil
        }
        guard let input else { return nil }
        let loaded = LoadedKind(kind: kind, input: input)
        kinds[kind.id] = loaded
        return loaded
    }

    /// Another kind's input, loading it if no kind has asked for it yet.
    mutating func input<K: ContentKind>(of kind: K, log: inout DiagnosticLog) async -> K.Input? {
        await load(kind, log: &log)?.input(as: K.Input.self)
    }

    /// Whether the kind has content but was left out for its mistakes.
    func failed<K: ContentKind>(_ kind: K) -> Bool { unloadedKinds.contains(kind.id) }

    /// Files under `folder`, recursively and sorted (see `ContentFolder.files(in:)`), listed once.
    mutating func files(in folder: String, log: inout DiagnosticLog) -> [String] {
        if let listed = listings[folder] { return listed }
        let listed = content.files(in: folder, log: &log)
        listings[folder] = listed
        return listed
    }

    /// Markdown files read and decoded on every core, in the order given; a file whose stamp is
    /// the one the last build read it with is taken over with what it reported then.
    /// `listed`: the files came from a listing, which already refused links leading outside.
    mutating func markdownPages(_ files: [String], kind: PageKind, listed: Bool, log: inout DiagnosticLog) async -> [GuidancePage] {
        let (content, earlier, stamps) = (content, earlierPages, stamps)
        let loaded = await parallelMap(files) { file -> (GuidancePage?, [Diagnostic], FileStamp?) in
            let path = content.root.path + "/" + file
            let stamp = stamps?.files[path] ?? FileStamp(path: path)
            if let stamp, let earlier = earlier[file], earlier.stamp == stamp {
                return (earlier.page, earlier.diagnostics, stamp)
            }
            var pageLog = DiagnosticLog()
            guard let text = content.readText(file, listed: listed, log: &pageLog) else { return (nil, pageLog.entries, nil) }
            let modified = stamp.flatMap { LocalDate.today(Date(timeIntervalSince1970: Double($0.modified) / 1e9)) }
            let page = GuidanceLoader.load(text, contentPath: file, displayPath: content.displayPath(file), kind: kind,
                                           modified: modified, log: &pageLog)
            return (page, pageLog.entries, stamp)
        }
        var pages: [GuidancePage] = []
        pages.reserveCapacity(loaded.count)
        self.pages.reserveCapacity(self.pages.count + loaded.count)
        for (file, (page, diagnostics, stamp)) in zip(files, loaded) {
            log.add(contentsOf: diagnostics)
            if let page { pages.append(page) } else { unloadedPages.insert(file) }
            if let stamp { self.pages[file] = LoadedPageMemo(stamp: stamp, page: page, diagnostics: diagnostics) }
        }
        return pages
    }
}
