import PortalMarkdown

/// Collects the documents of the index from the rendered site: a pure function, so the index is
/// the same for the same content.
///
/// Every page of the portal is a document (the list pages by what they offer), and the pages
/// with parts are split: guidance and the incident sheet at their headings, the FAQ by
/// question, contacts by entry. A page's documents are consecutive, so the page can group its
/// results; services come last, sorted by category, so the page can count them by category.
enum SearchDocuments {
    /// What the registry's rows are called in results (the scheme's own words).
    static let registryLabel = SearchDocument.Kind.service.label

    /// Each kind's documents are made with its pages (`KindOutput`; a Markdown page's once with
    /// the page, see `sections(of:)`), in the order of `ContentKinds.all`.
    static func collect(config: SiteConfig, kinds: [KindOutput]) -> [SearchDocument] {
        var docs: [SearchDocument] = []
        docs.reserveCapacity(kinds.reduce(16) { $0 + $1.pages.count + $1.overview.count + $1.entries.count + $1.rows.count })
        for kind in kinds { docs += kind.pages }
        docs.append(page(PageContext.homePath, config.title, [config.description, "トップページ ホーム"].filter { !$0.isEmpty }.joined(separator: " ")))
        docs.append(page(PageContext.guidanceIndexPath, "ガイダンス", "ガイダンスの一覧。経営者、担当者、中小企業向けの手引きのページ一覧"))
        for kind in kinds { docs += kind.overview }
        docs.append(page(PageContext.sitemapPath, "サイトマップ", "ポータルのすべてのページの一覧"))
        for kind in kinds { docs += kind.entries }
        for kind in kinds { docs += kind.rows }
        return docs
    }

    /// The FAQ page, then each question with its answer's text.
    static func faq(_ faq: FAQDocument, answerText: [String]) -> [SearchDocument] {
        let categories = orderedUnique(faq.entries.map(\.category))
        var docs = [page(PageContext.faqPath, "よくある質問", "質問と回答の一覧。" + categories.joined(separator: "、"))]
        for (entry, text) in zip(faq.entries, answerText) {
            docs.append(SearchDocument(kind: .faq, title: entry.question, breadcrumb: ["よくある質問", entry.category],
                                       url: PageContext.faqPath.string + "#" + URLText.encodeFragment(entry.id), text: text,
                                       pageTitle: "よくある質問"))
        }
        return docs
    }

    /// The contacts page, then each entry but placeholders.
    static func contacts(_ groups: [ContactGroup]) -> [SearchDocument] {
        var docs = [page(PageContext.contactsPath, "連絡先", "通報先、相談窓口、問い合わせ先の電話番号とメールの一覧。"
                         + groups.map(\.title).joined(separator: "、"))]
        for group in groups {
            for (i, e) in group.entries.enumerated() where !e.placeholder {
                docs.append(SearchDocument(kind: .contact, title: [e.organization, e.department].filter { !$0.isEmpty }.joined(separator: " "),
                                           breadcrumb: ["連絡先", group.title],
                                           url: PageContext.contactsPath.string + "#" + PageContext.contactAnchor(group: group.id, index: i),
                                           text: contactText(e), pageTitle: "連絡先"))
            }
        }
        return docs
    }

    /// A contact leads with the number to call, each with the word people search for it by.
    static func contactText(_ e: ContactEntry) -> String {
        var parts: [String] = []
        if let phone = e.phone { parts.append("電話 " + phone.display + (e.extension_.isEmpty ? "" : " 内線 " + e.extension_)) }
        if !e.email.isEmpty { parts.append("メール " + e.email) }
        parts += [e.purpose, e.hours, e.notes]
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The registry's list and category pages, each by its title and what it offers (never the
    /// whole list: that would match every query).
    static func registryPages(_ registry: Registry) -> [SearchDocument] {
        let counts = Dictionary(grouping: registry.services, by: \.categoryID).mapValues(\.count)
        let summary = registry.categories.map { "\($0.name) \(counts[$0.id] ?? 0)件" }.joined(separator: "、")
        var docs = [page(RegistryPages.indexPath, "\(registryLabel)一覧",
                         "情報セキュリティサービス基準に適合したサービスのリスト（全\(registry.services.count)件）。種類、事業者名、キーワードで絞り込めるサービス一覧。\(summary)")]
        for category in registry.categories {
            docs.append(page(RegistryPages.categoryPath(category.id), category.name,
                             "\(category.description) \(registryLabel) \(counts[category.id] ?? 0)件の一覧", breadcrumb: ["\(registryLabel)一覧"]))
        }
        return docs
    }

    static func page(_ path: SitePath, _ title: String, _ text: String, breadcrumb: [String] = []) -> SearchDocument {
        SearchDocument(kind: .page, title: title, breadcrumb: breadcrumb, url: path.string, text: text)
    }

    /// One document per service, in category order, each naming its provider in the breadcrumb.
    static func services(_ registry: Registry) -> [SearchDocument] {
        let categories = Dictionary(uniqueKeysWithValues: registry.categories.map { ($0.id, $0) })
        let order = Dictionary(uniqueKeysWithValues: registry.categories.enumerated().map { ($1.id, $0) })
        let pages = RegistryPages.rowPages(registry)
        let sorted = registry.services.enumerated().sorted { a, b in
            let (x, y) = (order[a.element.categoryID] ?? Int.max, order[b.element.categoryID] ?? Int.max)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        return sorted.map { s in
            let category = categories[s.categoryID]
            let text = [s.summary, category?.name ?? "", s.pentest == true ? "ペネトレーションテスト 侵入試験" : ""]
                .filter { !$0.isEmpty }.joined(separator: " ")
            return SearchDocument(kind: .service, title: s.name, breadcrumb: [registryLabel, category?.label ?? s.categoryID, s.provider],
                                  url: (pages[s.id] ?? RegistryPages.categoryPath(s.categoryID)).string + "#" + URLText.encodeFragment(RegistryPages.rowAnchor(s.id)),
                                  text: text, category: s.categoryID, pageTitle: "\(registryLabel)一覧")
        }
    }

    private static func orderedUnique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// A page split at its headings, so a result opens the right section.
    static func sections(of page: RenderedPage) -> [SearchDocument] {
        switch page.page.kind {
        case .guidance: sections(of: page, kind: .guidance, breadcrumb: ["ガイダンス", page.page.title])
        case .incident: sections(of: page, kind: .incident, breadcrumb: ["初動対応", page.page.title])
        }
    }

    static func sections(of page: RenderedPage, kind: SearchDocument.Kind, breadcrumb: [String]) -> [SearchDocument] {
        let url = page.page.outputPath.string
        let title = page.page.title
        return page.sections.compactMap { section in
            if let id = section.headingID {
                return SearchDocument(kind: kind, title: section.title, breadcrumb: breadcrumb, url: url + "#" + URLText.encodeFragment(id),
                                      text: section.text, pageTitle: title)
            }
            let text = [page.page.summary, section.text].filter { !$0.isEmpty }.joined(separator: " ")
            return SearchDocument(kind: kind, title: title, breadcrumb: Array(breadcrumb.dropLast()), url: url, text: text)
        }
    }
}
