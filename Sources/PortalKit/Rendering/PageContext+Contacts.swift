import PortalMarkdown

/// Contacts, FAQ and the incident sheet as templates see them.
extension PageContext {
    static let contactsPath = SitePath("contacts.html")
    static let faqPath = SitePath("faq.html")
    static let incidentPath = SitePath("incident.html")

    static func contactAnchor(group: String, index: Int) -> String { "contact-\(group)-\(index + 1)" }

    /// A URL or an address shown as text, escaped, that may break only after a /, . or @ (never
    /// inside a word).
    static func breakableURL(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.utf8.count + 32)
        var part = ""
        for ch in url {
            part.append(ch)
            if ch == "/" || ch == "." || ch == "@" {
                out += HTMLText.escape(part) + "<wbr>"
                part = ""
            }
        }
        return out + HTMLText.escape(part)
    }

    func contactGroups(_ groups: [ContactGroup]) -> [[String: Any]] {
        groups.map { g in
            [
                "id": g.id, "title": g.title, "description": g.description,
                "entries": g.entries.enumerated().map { i, e in
                    [
                        "anchor": Self.contactAnchor(group: g.id, index: i),
                        "organization": e.organization, "department": e.department, "purpose": e.purpose,
                        "phone": e.phone?.display ?? "", "tel": e.phone?.telURI ?? "", "hasPhone": e.phone != nil,
                        "extension": e.extension_, "hasExtension": !e.extension_.isEmpty,
                        "email": e.email, "emailHTML": Self.breakableURL(e.email), "mailto": "mailto:" + e.email, "hasEmail": !e.email.isEmpty,
                        "url": e.url, "urlHTML": Self.breakableURL(e.url), "hasURL": !e.url.isEmpty,
                        "hours": e.hours, "notes": e.notes, "placeholder": e.placeholder,
                    ] as [String: Any]
                },
            ] as [String: Any]
        }
    }

    func contacts(_ groups: [ContactGroup]) -> [String: Any] {
        var c = base(at: Self.contactsPath, title: "連絡先", description: "被害発生時の通報先、対応支援の窓口、問い合わせ先、社内の連絡先",
                     breadcrumbs: [("ホーム", Self.homePath)])
        c["groups"] = contactGroups(groups)
        c["groupLevel"] = 2
        c["groupNav"] = groups.map { ["id": $0.id, "title": $0.title] }
        return c
    }

    func incident(_ rendered: RenderedPage, contacts: [ContactGroup]) -> [String: Any] {
        var c = guidance(rendered)
        c["breadcrumbs"] = [["title": "ホーム", "href": Self.incidentPath.relativeURL(to: Self.homePath)]]
        let wanted = rendered.page.contactGroups
        c["groups"] = contactGroups(wanted.compactMap { id in contacts.first { $0.id == id } })
        c["groupLevel"] = 3
        c["contactsHref"] = Self.incidentPath.relativeURL(to: Self.contactsPath)
        return c
    }

    func faq(_ entries: [FAQEntry], answersHTML: [String]) -> [String: Any] {
        var c = base(at: Self.faqPath, title: "よくある質問", description: "通報・相談や被害の公表などについてのよくある質問",
                     breadcrumbs: [("ホーム", Self.homePath)])
        var byCategory: [String: [[String: Any]]] = [:]
        for (entry, html) in zip(entries, answersHTML) {
            byCategory[entry.category, default: []].append(["id": entry.id, "question": entry.question, "answerHTML": html])
        }
        c["categories"] = Self.faqCategories(entries).enumerated().map { i, name in
            ["title": name, "id": Self.faqCategoryAnchor(i), "entries": byCategory[name] ?? []] as [String: Any]
        }
        return c
    }

    /// The FAQ's categories in the order they first appear.
    static func faqCategories(_ entries: [FAQEntry]) -> [String] {
        var seen: Set<String> = []
        return entries.map(\.category).filter { seen.insert($0).inserted }
    }

    static func faqCategoryAnchor(_ index: Int) -> String { "category-\(index + 1)" }
}
