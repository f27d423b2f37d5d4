import PortalMarkdown

/// Collects the documents of the index from the rendered site: a pure function, so the index is
/// the same for the same content.
enum SearchDocuments {
    /// Each page's documents are made once with the page (see `sections(of:)`).
    static func collect(pageDocuments: [[SearchDocument]], incidentDocuments: [SearchDocument], site: LoadedSite, faqText: [String]) -> [SearchDocument] {
        var docs: [SearchDocument] = []
        docs.reserveCapacity(pageDocuments.reduce(0) { $0 + $1.count } + incidentDocuments.count + (site.registry?.services.count ?? 0))
        for page in pageDocuments { docs += page }
        docs += incidentDocuments
        if let faq = site.faq {
            for (entry, text) in zip(faq.entries, faqText) {
                docs.append(SearchDocument(kind: .faq, title: entry.question, breadcrumb: ["よくある質問", entry.category],
                                           url: PageContext.faqPath.string + "#" + URLText.encodeFragment(entry.id), text: text))
            }
        }
        for group in site.contacts ?? [] {
            for (i, e) in group.entries.enumerated() where !e.placeholder {
                let text = [e.purpose, e.phone?.display ?? "", e.extension_.isEmpty ? "" : "内線 " + e.extension_, e.email, e.hours, e.notes]
                    .filter { !$0.isEmpty }.joined(separator: " ")
                docs.append(SearchDocument(kind: .contact, title: [e.organization, e.department].filter { !$0.isEmpty }.joined(separator: " "),
                                           breadcrumb: ["連絡先", group.title],
                                           url: PageContext.contactsPath.string + "#" + PageContext.contactAnchor(group: group.id, index: i), text: text))
            }
        }
        if let registry = site.registry {
            let categories = Dictionary(uniqueKeysWithValues: registry.categories.map { ($0.id, $0) })
            let pages = RegistryPages.rowPages(registry)
            for s in registry.services {
                let category = categories[s.categoryID]
                let text = [s.provider, s.summary, category?.name ?? "", s.pentest == true ? "ペネトレーションテスト 侵入試験" : ""]
                    .filter { !$0.isEmpty }.joined(separator: " ")
                docs.append(SearchDocument(kind: .service, title: s.name, breadcrumb: ["認定サービス", category?.label ?? s.categoryID],
                                           url: (pages[s.id] ?? RegistryPages.categoryPath(s.categoryID)).string + "#" + URLText.encodeFragment(RegistryPages.rowAnchor(s.id)),
                                           text: text, category: s.categoryID))
            }
        }
        return docs
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
        return page.sections.compactMap { section in
            if let id = section.headingID {
                return SearchDocument(kind: kind, title: section.title, breadcrumb: breadcrumb, url: url + "#" + URLText.encodeFragment(id), text: section.text)
            }
            let text = [page.page.summary, section.text].filter { !$0.isEmpty }.joined(separator: " ")
            return SearchDocument(kind: kind, title: page.page.title, breadcrumb: Array(breadcrumb.dropLast()), url: url, text: text)
        }
    }
}
