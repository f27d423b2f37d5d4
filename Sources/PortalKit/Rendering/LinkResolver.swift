import Foundation
import PortalMarkdown

/// Where a piece of Markdown lives: in the content folder (links are written relative to it),
/// in diagnostics, and in the output (links are computed relative to it).
struct LinkOrigin: Sendable {
    var contentPath: String
    var displayPath: String
    var outputPath: SitePath
}

extension GuidancePage {
    var linkOrigin: LinkOrigin { LinkOrigin(contentPath: fields.contentPath, displayPath: fields.displayPath, outputPath: outputPath) }
}

/// Decides what every link in a page becomes, now that all pages and their headings are known.
/// Internal `.md` links become relative `.html` URLs and are checked; web, mail and phone links are
/// kept (web ones marked external); any other scheme is made inert.
struct LinkResolver: Sendable {
    struct Target: Sendable, Equatable {
        var outputPath: SitePath
        var headingIDs: Set<String>
    }

    /// Pages by their path in the content folder (`guidance/overview.md`).
    let pages: [String: Target]
    /// Images and files by their path in the content folder.
    var attachments: [String: Attachment] = [:]
    var allowRemoteImages = false
    /// Pages that exist but failed to load (their mistakes reported): links to them are not
    /// reported again as broken.
    var unloaded: Set<String> = []

    func resolve(_ links: [LinkReference], from page: LinkOrigin, ownHeadings: Set<String>, log: inout DiagnosticLog) -> [LinkMarkup] {
        var images = 0
        return links.map { link in
            if link.kind == .image { images += 1 }
            return resolve(link, from: page, ownHeadings: ownHeadings, firstImage: images == 1, log: &log)
        }
    }

    private func resolve(_ link: LinkReference, from page: LinkOrigin, ownHeadings: Set<String>, firstImage: Bool, log: inout DiagnosticLog) -> LinkMarkup {
        func report(_ severity: Diagnostic.Severity, _ message: Message) {
            log.add(Diagnostic(severity, .render, path: page.displayPath, line: link.line, column: link.column, message))
        }
        // Asked once: the checks below all need it, and every link of every page passes here.
        let scheme = URLText.scheme(of: link.destination)
        // Windows' ways of naming a file, copied from Explorer's address bar.
        if LocalPath.isOnThisComputer(link.destination, scheme: scheme) {
            if link.kind == .image {
                report(.error, .localImage(link.destination))
            } else {
                report(.warning, .localLink(link.destination))
            }
            return link.kind == .image ? LinkMarkup(open: HTMLText.escape(link.text)) : inert
        }
        if let fixed = LocalPath.withSlashes(link.destination, scheme: scheme) {
            report(.warning, .backslashPath(link.destination, fixed: fixed))
            var link = link
            link.destination = fixed
            return resolve(link, from: page, ownHeadings: ownHeadings, firstImage: firstImage, log: &log)
        }
        let destination = link.destination
        let titleAttribute = link.title.isEmpty ? "" : " title=\"\(HTMLText.attribute(link.title))\""

        if link.kind == .image {
            return image(link, from: page, firstImage: firstImage, titleAttribute: titleAttribute, report: report)
        }

        if destination.isEmpty {
            report(.error, .linkNoDestination)
            return inert
        }
        if let scheme {
            guard URLText.isAllowedExternal(destination, scheme: scheme) else {
                report(.warning, .linkSchemeRemoved(scheme))
                return inert
            }
            if URLText.isUnfinished(destination) {
                report(.error, .unfinishedURL(destination))
                return inert
            }
            let href = HTMLText.attribute(destination)
            if scheme == "http" || scheme == "https" {
                return LinkMarkup(
                    open: "<a class=\"external\" href=\"\(href)\"\(titleAttribute) rel=\"noopener noreferrer\">",
                    close: "<span class=\"visually-hidden\">（外部サイト）</span></a>"
                )
            }
            return LinkMarkup(open: "<a href=\"\(href)\"\(titleAttribute)>", close: "</a>")
        }
        if destination.hasPrefix("//") {
            report(.error, .linkNoScheme(destination))
            return inert
        }

        let (pathPart, fragment) = Self.splitFragment(destination)
        if pathPart.isEmpty {
            guard let fragment, ownHeadings.contains(fragment) else {
                report(.error, .missingOwnHeading(fragment ?? ""))
                return inert
            }
            return LinkMarkup(open: "<a href=\"#\(HTMLText.attribute(URLText.encodeFragment(fragment)))\"\(titleAttribute)>", close: "</a>")
        }
        // Worked out once: a link to a page needed each twice.
        let isMarkdown = pathPart.lowercased().hasSuffix(".md")
        let joined = Self.join(folderOf: page.contentPath, pathPart)
        // A page made from data (`glossary.yml#term`, `contacts.yml`) is a target like a page;
        // one whose data had mistakes (reported) is linked to nothing, silently.
        if !isMarkdown, let targetPath = joined, pages[targetPath] == nil, unloaded.contains(targetPath) {
            return inert
        }
        if !isMarkdown, let targetPath = joined, let target = pages[targetPath] {
            if let fragment, !target.headingIDs.contains(fragment) {
                // `contacts.yml#report` for the group whose anchor is `contacts-report`.
                let near = target.headingIDs.filter { $0.hasSuffix("-" + fragment) }.leastByCodePoint() ?? Suggestion.closest(to: fragment, in: target.headingIDs)
                report(.error, .missingEntry(pathPart, id: fragment, near: near))
                return inert
            }
            let href = HTMLText.attribute(page.outputPath.relativeURL(to: target.outputPath, fragment: fragment))
            return LinkMarkup(open: link.kind == .term ? "<a class=\"term\" href=\"\(href)\">" : "<a href=\"\(href)\"\(titleAttribute)>", close: "</a>")
        }
        guard isMarkdown else {
            guard let target = joined else {
                report(.error, .linkOutside(pathPart))
                return inert
            }
            guard let file = attachments[target] else {
                // Links are written to the file a page is made from (`a.md`, `contacts.yml`), not
                // to the page it becomes.
                let source = target.hasSuffix(".html") ? sourceOfPage(target) : nil
                report(.error, .missingFile(pathPart, looked: target, near: source.map { Self.relative($0, from: page.contentPath) }
                    ?? Self.nearest(target, among: attachments.keys, from: page.contentPath)))
                return inert
            }
            let href = page.outputPath.relativeURL(to: file.outputPath, fragment: fragment)
            return LinkMarkup(
                open: "<a class=\"attachment\" href=\"\(HTMLText.attribute(href))\"\(titleAttribute)>",
                close: "</a><span class=\"file-meta\">（\(HTMLText.escape(file.typeLabel))、\(Attachment.sizeLabel(file.size))）</span>"
            )
        }
        if let targetPath = joined, pages[targetPath] == nil, unloaded.contains(targetPath) {
            return inert
        }
        guard let targetPath = joined, let target = pages[targetPath] else {
            report(.error, .missingPage(pathPart, near: Self.nearest(joined ?? pathPart,
                                                                     among: pages.keys.filter { $0.hasSuffix(".md") }, from: page.contentPath)))
            return inert
        }
        if let fragment, !target.headingIDs.contains(fragment) {
            report(.error, .missingHeading(pathPart, id: fragment, near: Suggestion.closest(to: fragment, in: target.headingIDs)))
            return inert
        }
        let href = page.outputPath.relativeURL(to: target.outputPath, fragment: fragment)
        return LinkMarkup(open: "<a href=\"\(HTMLText.attribute(href))\"\(titleAttribute)>", close: "</a>")
    }

    /// Local images become `<img>` with their size (so the page does not jump) and lazy loading
    /// after the first; remote ones are refused unless the site allows them.
    private func image(_ link: LinkReference, from page: LinkOrigin, firstImage: Bool, titleAttribute: String,
                       report: (Diagnostic.Severity, Message) -> Void) -> LinkMarkup {
        let destination = link.destination
        let alt = HTMLText.attribute(link.text)
        if link.text.trimmed().isEmpty {
            report(.warning, .noAltText(destination))
        }
        let loading = firstImage ? "" : " loading=\"lazy\""
        if let scheme = URLText.scheme(of: destination) {
            guard scheme == "http" || scheme == "https" else {
                report(.error, .imageScheme(scheme))
                return LinkMarkup(open: HTMLText.escape(link.text))
            }
            guard allowRemoteImages else {
                report(.error, .remoteImage(destination))
                return LinkMarkup(open: HTMLText.escape(link.text))
            }
            return LinkMarkup(open: "<img src=\"\(HTMLText.attribute(destination))\" alt=\"\(alt)\"\(titleAttribute)\(loading) decoding=\"async\">")
        }
        let (pathPart, _) = Self.splitFragment(destination)
        guard let target = Self.join(folderOf: page.contentPath, pathPart) else {
            report(.error, .imageOutside(destination))
            return LinkMarkup(open: HTMLText.escape(link.text))
        }
        guard let file = attachments[target] else {
            let images = attachments.values.filter(\.isImage).map(\.contentPath)
            report(.error, .imageNotFound(destination, looked: target, near: Self.nearest(target, among: images, from: page.contentPath)))
            return LinkMarkup(open: HTMLText.escape(link.text))
        }
        let src = HTMLText.attribute(page.outputPath.relativeURL(to: file.outputPath))
        let size = file.dimensions.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
        return LinkMarkup(open: "<img src=\"\(src)\" alt=\"\(alt)\"\(size)\(titleAttribute)\(loading) decoding=\"async\">")
    }

    private var inert: LinkMarkup { LinkMarkup(open: "<span class=\"link-removed\">", close: "</span>") }

    static func splitFragment(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (decode(destination), nil) }
        return (decode(String(destination[..<hash])), decode(String(destination[destination.index(after: hash)...])))
    }

    /// Percent-decoded; most links have no `%`, and Foundation's decoding costs as much without one.
    private static func decode(_ s: String) -> String {
        s.utf8.contains(UInt8(ascii: "%")) ? s.removingPercentEncoding ?? s : s
    }

    /// Resolves `../x.md` against the linking page's folder; nil when it climbs out of the content folder.
    static func join(folderOf contentPath: String, _ relative: String) -> String? {
        // Most links name a file beside the page: no slash, no dot segment. Then the answer is
        // the page's folder and the name, as the walk below would join them.
        if !relative.isEmpty, !relative.utf8.contains(UInt8(ascii: "/")), relative != ".", relative != ".." {
            let folder = contentPath.split(separator: "/").dropLast()
            return folder.isEmpty ? relative : folder.joined(separator: "/") + "/" + relative
        }
        return joinByWalking(folderOf: contentPath, relative)
    }

    /// `join` segment by segment: `.` stays, `..` climbs, `/` at the start means the root.
    static func joinByWalking(folderOf contentPath: String, _ relative: String) -> String? {
        var parts = contentPath.split(separator: "/").map(String.init).dropLast()
        if relative.hasPrefix("/") { parts = [] }
        for piece in relative.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The file a page of the output is made from (`guidance/a.md` for guidance/a.html,
    /// `contacts.yml` for contacts.html); the first by name when several make one page.
    private func sourceOfPage(_ output: String) -> String? {
        let markdown = String(output.dropLast(5)) + ".md"
        if pages[markdown] != nil { return markdown }
        return pages.filter { $0.value.outputPath.string == output }.keys.leastByCodePoint()
    }

    /// The nearest content path, written as a link from `origin` would be.
    static func nearest(_ wanted: String, among candidates: some Sequence<String>, from origin: String) -> String? {
        // By file name (a shared folder would make any two paths look alike), the same folder first.
        func name(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }
        // Each pick the least in code-point order: the candidates come from dictionaries, and the
        // same mistake must get the same hint (without sorting them all for every broken link).
        let all = Array(candidates), folderOf = { (p: String) in p.split(separator: "/").dropLast().joined(separator: "/") }
        // The same path in other letter case (`Images/Flow.SVG`): found on Windows and a Mac, not
        // on a web server or on Linux, so the portal must name it as it is.
        let folded = wanted.lowercased()
        if let cased = all.filter({ $0.lowercased() == folded && $0 != wanted }).leastByCodePoint() { return relative(cased, from: origin) }
        // The very name in another folder: `guidance/a.md` written from a guidance page, whose
        // links are relative to its own folder.
        if let elsewhere = all.filter({ name($0) == name(wanted) && $0 != wanted }).leastByCodePoint() { return relative(elsewhere, from: origin) }
        let sameFolder = all.filter { folderOf($0) == folderOf(wanted) }
        guard let nearName = Suggestion.closest(to: name(wanted), in: sameFolder.map(name)) ?? Suggestion.closest(to: name(wanted), in: all.map(name)),
              let near = sameFolder.filter({ name($0) == nearName }).leastByCodePoint() ?? all.filter({ name($0) == nearName }).leastByCodePoint() else { return nil }
        return relative(near, from: origin)
    }

    /// `path` (from the content folder) as a link from the file `origin`.
    static func relative(_ path: String, from origin: String) -> String {
        let folder = origin.split(separator: "/").dropLast()
        let parts = path.split(separator: "/")
        var common = 0
        while common < folder.count, common < parts.count - 1, folder[common] == parts[common] { common += 1 }
        let relative = Array(repeating: "..", count: folder.count - common) + parts[common...].map(String.init)
        return relative.joined(separator: "/")
    }
}
