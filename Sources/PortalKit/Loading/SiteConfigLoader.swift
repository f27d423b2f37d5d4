/// Reads `site.yml`. Pure: text in, config and diagnostics out.
enum SiteConfigLoader {
    static let keys = ["title", "description", "language", "navigation", "allow_raw_html", "review_after_days", "registry", "allow_remote_images", "allow_active_attachments", "max_attachment_mb", "guidance_groups"]

    static func load(_ text: String, path: String, log: inout DiagnosticLog) -> SiteConfig? {
        let source = YAMLSource(path: path)
        guard let node = source.parse(text, log: &log),
              let map = YAMLMapping(node, source: source, what: .file("site.yml"), log: &log)
        else { return nil }
        map.rejectUnknownKeys(allowed: keys, log: &log)
        let title = map.string("title", required: true, log: &log)
        var config = SiteConfig(title: title ?? "")
        config.sourcePath = path
        config.description = map.string("description", log: &log) ?? ""
        config.language = map.string("language", log: &log) ?? "ja"
        config.allowRawHTML = map.bool("allow_raw_html", log: &log) ?? false
        config.reviewAfterDays = map.int("review_after_days", range: 1...36500, log: &log) ?? 365
        config.allowRemoteImages = map.bool("allow_remote_images", log: &log) ?? false
        config.allowActiveAttachments = map.bool("allow_active_attachments", log: &log) ?? false
        if let mb = map.int("max_attachment_mb", range: 1...10_000, log: &log) { config.maxAttachmentBytes = mb * 1024 * 1024 }
        if let registry = YAMLMapping.optional(map.value("registry"), source: source, what: .value(of: "registry"), log: &log) {
            registry.rejectUnknownKeys(allowed: ["encoding", "sample", "as_of", "source_url", "pentest_column", "pentest_marker", "sheet"], log: &log)
            config.registryImport.pentestColumn = registry.string("pentest_column", log: &log)
            if let marker = registry.string("pentest_marker", log: &log) { config.registryImport.pentestMarker = PentestMarker([marker]) }
            config.registryImport.sheet = registry.string("sheet", log: &log)
            config.registrySample = registry.bool("sample", log: &log) ?? false
            let sampleMark = registry.valueMark("sample")
            config.registrySampleLine = sampleMark?.line
            config.registrySampleColumn = sampleMark?.column
            if let asOf = registry.string("as_of", log: &log) {
                if SampleData.asOfLabel(asOf) != nil {
                    config.registryAsOf = asOf
                } else {
                    log.add(source.diagnostic(registry.valueMark("as_of"), .badAsOf(asOf)))
                }
            }
            if let url = registry.string("source_url", log: &log) {
                if let problem = URLText.problem(with: url, otherwise: .badRegistrySourceURL(url)) {
                    log.add(source.diagnostic(registry.valueMark("source_url"), problem))
                } else {
                    config.registrySourceURL = url
                }
            }
            if let value = registry.string("encoding", log: &log) {
                if let choice = TextEncodingChoice(configValue: value) {
                    config.registryImport.encoding = choice
                } else {
                    log.add(source.diagnostic(registry.valueMark("encoding"), .badEncoding(value)))
                }
            }
        }
        let groupsBefore = log.entries.count
        config.guidanceGroups = map.stringList("guidance_groups", namesOnly: true, log: &log)
        config.guidanceGroupsUnreadable = log.hasErrors(since: groupsBefore)
        for item in map.mappings("navigation", what: "a navigation entry", log: &log) {
            item.rejectUnknownKeys(allowed: ["title", "path"], log: &log)
            guard let title = item.string("title", required: true, log: &log),
                  let path = item.string("path", required: true, log: &log)
            else { continue }
            guard URLText.scheme(of: path) == nil, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                log.add(source.diagnostic(item.valueMark("path"), .badNavigationPath(path)))
                continue
            }
            config.navigation.append(.init(title: title, path: SitePath(path), line: item.valueMark("path")?.line ?? 0, column: item.valueMark("path")?.column ?? 1))
        }
        return title == nil ? nil : config
    }
}
