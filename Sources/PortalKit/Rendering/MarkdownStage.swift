import PortalMarkdown

/// A guidance page after Markdown: its document (HTML with link slots, headings, text).
/// A class: a rebuild hands the same instance on for an unchanged page, so reuse is decided by
/// identity and passing thousands of them around costs one reference each.
final class ParsedPage: Sendable, Equatable {
    let page: GuidancePage
    let document: MarkdownDocument
    /// What links to this page are checked against.
    let headingIDs: Set<String>

    init(page: GuidancePage, document: MarkdownDocument) {
        self.page = page
        self.document = document
        headingIDs = Set(document.headings.map(\.id))
    }

    static func == (a: ParsedPage, b: ParsedPage) -> Bool {
        a === b || (a.page == b.page && a.document == b.document)
    }
}

/// A guidance page with its links resolved: the HTML that goes into the layout.
public struct RenderedPage: Sendable, Hashable, Codable {
    public var page: GuidancePage
    public var contentHTML: String
    public var headings: [Heading]
    public var sections: [TextSection]
}

/// What a page's parse depends on besides the page itself: whether raw HTML is kept, and the
/// terms whose first use links to their entry. Parses are reused only under the same settings.
struct ParseSettings: Sendable, Hashable, Codable {
    var allowRawHTML: Bool
    var terms: [TermLink]

    var fingerprint: StableDigest { Fingerprint.of(self) }

    var matcher: TermMatcher? {
        terms.isEmpty ? nil : TermMatcher(terms.map { TermMatcher.Term(words: $0.words, destination: $0.target) })
    }
}

extension LoadedSite {
    var parseSettings: ParseSettings {
        ParseSettings(allowRawHTML: config.allowRawHTML, terms: kinds.flatMap(\.terms))
    }
}

enum MarkdownStage {
    static func options(for config: SiteConfig, lineOffset: Int, columnOffset: Int = 0, terms: TermMatcher? = nil) -> MarkdownOptions {
        MarkdownOptions(
            allowRawHTML: config.allowRawHTML,
            lineOffset: lineOffset,
            columnOffset: columnOffset,
            fencedBlockRenderers: ["table": TableBlock.renderer, "checklist": ChecklistBlock.renderer],
            terms: terms
        )
    }

    /// Parses every page on every core; a page equal to one the last build parsed (`previous`,
    /// by content path) keeps its document. Guidance pages link the first use of each term
    /// unless they say `link_terms: false`.
    /// `cached`: the same from the build cache (`portal build`).
    static func parse(_ pages: [GuidancePage], config: SiteConfig, terms: TermMatcher?, previous: [String: Resolved] = [:],
                      cached: [String: ParsedPage] = [:]) async -> [ParsedPage] {
        await parallelMap(pages) { page in
            if let earlier = previous[page.contentPath]?.parsed ?? cached[page.contentPath], earlier.page == page { return earlier }
            let linked = page.kind == .guidance && page.linkTerms ? terms : nil
            return ParsedPage(page: page, document: Markdown.render(page.body, options: options(for: config, lineOffset: page.bodyLineOffset, terms: linked)))
        }
    }

    static func targets(of parsed: [ParsedPage]) -> [String: LinkResolver.Target] {
        var targets: [String: LinkResolver.Target] = [:]
        targets.reserveCapacity(parsed.count)
        for p in parsed {
            targets[p.page.contentPath] = .init(outputPath: p.page.outputPath, headingIDs: p.headingIDs)
        }
        return targets
    }

    static func resolver(for targets: [String: LinkResolver.Target], site: LoadedSite) -> LinkResolver {
        LinkResolver(pages: targets, attachments: Dictionary(site.attachments.map { ($0.contentPath, $0) }) { a, _ in a },
                     allowRemoteImages: site.config.allowRemoteImages, unloaded: site.unloadedPages)
    }

    /// Markdown that is not a page of its own (an FAQ answer): rendered and its links resolved.
    static func fragment(_ markdown: String, lineOffset: Int, columnOffset: Int, origin: LinkOrigin, config: SiteConfig,
                         resolver: LinkResolver, log: inout DiagnosticLog) -> (html: String, text: String) {
        let document = Markdown.render(markdown, options: options(for: config, lineOffset: lineOffset, columnOffset: columnOffset))
        report(document.diagnostics, path: origin.displayPath, log: &log)
        let markup = resolver.resolve(document.links, from: origin, ownHeadings: Set(document.headings.map(\.id)), log: &log)
        return (document.html(resolvingLinks: markup), document.sections.map(\.text).joined(separator: " "))
    }

    /// The Markdown stage's diagnostics, each with its catalogued message: PortalMarkdown names
    /// every one it reports, and the fenced blocks here theirs (`FencedBlockError(line:_:)`).
    static func report(_ diagnostics: [MarkdownDiagnostic], path: String, log: inout DiagnosticLog) {
        for d in diagnostics {
            let severity: Diagnostic.Severity = d.severity == .error ? .error : .warning
            if let reference = d.catalogued {
                log.add(Diagnostic(severity, .render, path: path, line: d.line, column: d.column, Message(reference)))
            } else {
                log.add(Diagnostic(severity, .render, path: path, line: d.line, column: d.column, d.message))
            }
        }
    }

    /// A page resolved, with what it reported (kept to report again when it is reused).
    /// A class for the same reason as `ParsedPage`.
    final class Resolved: Sendable {
        let parsed: ParsedPage
        let page: RenderedPage
        let diagnostics: [Diagnostic]
        /// The page's search documents, made once with it.
        let documents: [SearchDocument]

        init(parsed: ParsedPage, page: RenderedPage, diagnostics: [Diagnostic], documents: [SearchDocument]) {
            self.parsed = parsed
            self.page = page
            self.diagnostics = diagnostics
            self.documents = documents
        }
    }

    /// Checks and rewrites links now that every page's headings are known; pages on every core.
    /// `previous`: pages resolved by the last build against the same link targets; a page whose
    /// parse is unchanged is taken from there.
    static func resolve(_ parsed: [ParsedPage], resolver: LinkResolver, previous: [String: Resolved]) async -> [Resolved] {
        await parallelMap(parsed) { p -> Resolved in
            if let earlier = previous[p.page.contentPath], earlier.parsed === p { return earlier }
            var pageLog = DiagnosticLog()
            report(p.document.diagnostics, path: p.page.displayPath, log: &pageLog)
            let markup = resolver.resolve(p.document.links, from: p.page.linkOrigin, ownHeadings: Set(p.document.headings.map(\.id)), log: &pageLog)
            let page = RenderedPage(page: p.page, contentHTML: p.document.html(resolvingLinks: markup),
                                    headings: p.document.headings, sections: p.document.sections)
            return Resolved(parsed: p, page: page, diagnostics: pageLog.entries, documents: SearchDocuments.sections(of: page))
        }
    }
}

extension Message {
    /// A message PortalMarkdown named by its id.
    init(_ reference: MessageReference) {
        self.init(reference.id)
        arguments = reference.arguments.map { Argument(name: $0.name, value: $0.value, ja: $0.ja) }
    }

    var reference: MessageReference {
        MessageReference(id, arguments.map { .init(name: $0.name, value: $0.value, ja: $0.ja) })
    }
}

extension FencedBlockError {
    /// A fenced block's mistake, catalogued.
    init(line: Int, _ message: Message) {
        self.init(line: line, message: message.text(.en), catalogued: message.reference)
    }
}
