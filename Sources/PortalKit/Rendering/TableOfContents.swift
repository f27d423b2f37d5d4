import PortalMarkdown

/// A guidance page's table of contents: its level-2 headings, each with the level-3 headings
/// under it; deeper levels stay out of the way. Templates get it twice: as `page.toc`, a list to
/// write their own markup with, and as `page.tocHTML`, the default template's list items made
/// here (as Hugo's `.TableOfContents` is). Four Mustache lookups an entry were a third of
/// rendering a page, the other two thirds being the rest of the page.
struct TableOfContents {
    var text: String
    var href: String
    var children: [TableOfContents] = []

    static func entries(_ headings: [Heading]) -> [TableOfContents] {
        var items: [TableOfContents] = []
        for h in headings where h.level <= 3 {
            let entry = TableOfContents(text: h.text, href: "#" + URLText.encodeFragment(h.id))
            if h.level <= 2 || items.isEmpty {
                items.append(entry)
            } else {
                items[items.count - 1].children.append(entry)
            }
        }
        return items
    }

    /// As a template reads it: `text`, `href`, `children` and `hasChildren`.
    var templateValue: [String: Any] {
        ["text": text, "href": href, "children": children.map { ["text": $0.text, "href": $0.href] as [String: Any] },
         "hasChildren": !children.isEmpty]
    }

    /// The entries as `<li>` items, one line each, exactly what page.mustache's
    /// `{{#toc}}<li><a href="{{href}}">{{text}}</a>{{#hasChildren}}<ol>{{#children}}<li><a
    /// href="{{href}}">{{text}}</a></li>{{/children}}</ol>{{/hasChildren}}</li>` wrote for them
    /// (`TableOfContentsTests` renders both), escaped as `{{ }}` escapes.
    static func html(_ entries: [TableOfContents]) -> String {
        let escaping = TemplateEscaping()
        var out = ""
        func link(_ e: TableOfContents) {
            out += "<li><a href=\""
            out += escaping.escapeText(e.href)
            out += "\">"
            out += escaping.escapeText(e.text)
            out += "</a>"
        }
        for entry in entries {
            link(entry)
            if !entry.children.isEmpty {
                out += "<ol>"
                for child in entry.children {
                    link(child)
                    out += "</li>"
                }
                out += "</ol>"
            }
            out += "</li>\n"
        }
        return out
    }
}
