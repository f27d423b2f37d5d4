/// Where a guidance page stands among the pages of its group (site.yml's `guidance_groups`):
/// the group, and the pages before and after it in reading order, linked at the foot of the page.
/// Part of what the page is rendered from: a neighbour's new title renders the page again.
struct PageNeighbours: Sendable, Hashable, Codable {
    struct Link: Sendable, Hashable, Codable {
        var title: String
        var path: SitePath
    }

    var group: String?
    /// The group's place among the groups (for its anchor on the guidance list), when it has one.
    var groupIndex: Int?
    var previous: Link?
    var next: Link?

    /// Each page's neighbours, in the pages' order; `pages` in reading order (grouped).
    static func of(_ pages: [GuidancePage], groups: [String]) -> [PageNeighbours] {
        let index = Dictionary(groups.enumerated().map { ($1, $0) }) { a, _ in a }
        return pages.indices.map { i in
            let page = pages[i]
            func link(_ j: Int) -> Link? {
                guard pages.indices.contains(j), pages[j].group == page.group else { return nil }
                return Link(title: pages[j].title, path: pages[j].outputPath)
            }
            return PageNeighbours(group: page.group, groupIndex: page.group.flatMap { index[$0] }, previous: link(i - 1), next: link(i + 1))
        }
    }

    /// The anchor of a group's section on the guidance list.
    static func anchor(ofGroup index: Int) -> String { "group-\(index + 1)" }
}
