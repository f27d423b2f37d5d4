import PortalMarkdown

/// A guidance page after Markdown: its document (HTML with link slots, headings, text).
struct ParsedPage: Sendable {
    var page: GuidancePage
    var document: MarkdownDocument
}

/// A guidance page with its links resolved: the HTML that goes into the layout.
public struct RenderedPage: Sendable {
    public var page: GuidancePage
    public var contentHTML: String
    public var headings: [Heading]
    public var sections: [TextSection]
}

enum MarkdownStage {
    static func options(for config: SiteConfig, page: GuidancePage) -> MarkdownOptions {
        MarkdownOptions(
            allowRawHTML: config.allowRawHTML,
            lineOffset: page.bodyLineOffset,
            fencedBlockRenderers: ["table": TableBlock.renderer]
        )
    }

    /// Parses every page on every core.
    static func parse(_ site: LoadedSite) async -> [ParsedPage] {
        let config = site.config
        return await parallelMap(site.pages) { page in
            ParsedPage(page: page, document: Markdown.render(page.body, options: options(for: config, page: page)))
        }
    }

    /// Checks and rewrites links now that every page's headings are known.
    static func resolve(_ parsed: [ParsedPage], log: inout DiagnosticLog) -> [RenderedPage] {
        var targets: [String: LinkResolver.Target] = [:]
        for p in parsed {
            targets[p.page.contentPath] = .init(outputPath: p.page.outputPath, headingIDs: Set(p.document.headings.map(\.id)))
        }
        let resolver = LinkResolver(pages: targets)
        return parsed.map { p in
            for d in p.document.diagnostics {
                log.add(Diagnostic(d.severity == .error ? .error : .warning, .render, path: p.page.displayPath, line: d.line, column: d.column, d.message))
            }
            let markup = resolver.resolve(p.document.links, from: p.page, ownHeadings: targets[p.page.contentPath]!.headingIDs, log: &log)
            return RenderedPage(page: p.page, contentHTML: p.document.html(resolvingLinks: markup),
                                headings: p.document.headings, sections: p.document.sections)
        }
    }
}
