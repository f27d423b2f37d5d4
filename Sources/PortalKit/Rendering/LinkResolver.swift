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
    var linkOrigin: LinkOrigin { LinkOrigin(contentPath: contentPath, displayPath: displayPath, outputPath: outputPath) }
}

/// Decides what every link in a page becomes, now that all pages and their headings are known.
/// Internal `.md` links become relative `.html` URLs and are checked; web, mail and phone links are
/// kept (web ones marked external); any other scheme is made inert.
struct LinkResolver: Sendable {
    struct Target: Sendable {
        var outputPath: SitePath
        var headingIDs: Set<String>
    }

    /// Pages by their path in the content folder (`guidance/overview.md`).
    let pages: [String: Target]

    func resolve(_ links: [LinkReference], from page: LinkOrigin, ownHeadings: Set<String>, log: inout DiagnosticLog) -> [LinkMarkup] {
        links.map { resolve($0, from: page, ownHeadings: ownHeadings, log: &log) }
    }

    private func resolve(_ link: LinkReference, from page: LinkOrigin, ownHeadings: Set<String>, log: inout DiagnosticLog) -> LinkMarkup {
        func report(_ severity: Diagnostic.Severity, _ message: String) {
            log.add(Diagnostic(severity, .render, path: page.displayPath, line: link.line, column: link.column, message))
        }
        let destination = link.destination
        let titleAttribute = link.title.isEmpty ? "" : " title=\"\(HTMLText.attribute(link.title))\""

        if link.kind == .image {
            if let scheme = URLText.scheme(of: destination) {
                report(.error, scheme == "http" || scheme == "https"
                    ? "remote image '\(destination)': the portal must work offline, so save the image in the content folder and link it relatively"
                    : "image with unsupported scheme '\(scheme):'")
            } else {
                report(.error, "image '\(destination)': images are not supported in guidance pages yet")
            }
            return LinkMarkup(open: HTMLText.escape(link.text))
        }

        if destination.isEmpty {
            report(.error, "link has no destination")
            return inert
        }
        if let scheme = URLText.scheme(of: destination) {
            guard URLText.isAllowedExternal(destination) else {
                report(.warning, "link with scheme '\(scheme):' removed; only http(s), mailto and tel links are kept")
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
            report(.error, "link '\(destination)' has no scheme; write https:// in full")
            return inert
        }

        let (pathPart, fragment) = Self.splitFragment(destination)
        if pathPart.isEmpty {
            guard let fragment, ownHeadings.contains(fragment) else {
                report(.error, "no heading with id '\(fragment ?? "")' on this page")
                return inert
            }
            return LinkMarkup(open: "<a href=\"#\(HTMLText.attribute(URLText.encodeFragment(fragment)))\"\(titleAttribute)>", close: "</a>")
        }
        guard pathPart.lowercased().hasSuffix(".md") else {
            report(.error, "link to '\(pathPart)': only other pages (.md files) and http(s), mailto and tel links can be linked")
            return inert
        }
        guard let targetPath = Self.join(folderOf: page.contentPath, pathPart), let target = pages[targetPath] else {
            report(.error, "link to missing page '\(pathPart)'")
            return inert
        }
        if let fragment, !target.headingIDs.contains(fragment) {
            report(.error, "page '\(pathPart)' has no heading with id '\(fragment)'")
            return inert
        }
        let href = page.outputPath.relativeURL(to: target.outputPath, fragment: fragment)
        return LinkMarkup(open: "<a href=\"\(HTMLText.attribute(href))\"\(titleAttribute)>", close: "</a>")
    }

    private var inert: LinkMarkup { LinkMarkup(open: "<span class=\"link-removed\">", close: "</span>") }

    static func splitFragment(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (decode(destination), nil) }
        return (decode(String(destination[..<hash])), decode(String(destination[destination.index(after: hash)...])))
    }

    private static func decode(_ s: String) -> String { s.removingPercentEncoding ?? s }

    /// Resolves `../x.md` against the linking page's folder; nil when it climbs out of the content folder.
    static func join(folderOf contentPath: String, _ relative: String) -> String? {
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
}
