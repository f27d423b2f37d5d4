/// `content/site.yml`: what the whole portal shares.
public struct SiteConfig: Sendable, Hashable, Codable {
    public struct NavigationItem: Sendable, Hashable, Codable {
        public var title: String
        /// A page of the portal, as a path in the output (`guidance/overview.html`).
        public var path: SitePath
        public var line: Int
        public var column: Int = 1
    }

    /// Where the config was read from, for diagnostics about it.
    public var sourcePath = "site.yml"

    public var title: String
    public var description: String
    public var language: String
    public var navigation: [NavigationItem]
    public var allowRawHTML: Bool
    public var reviewAfterDays: Int
    /// `registry.encoding`, `pentest_column`, `pentest_marker`, `sheet`: how the list is read.
    public var registryImport = RegistryImport()
    /// `registry.sample`: the registry is example data, not the list IPA publishes.
    public var registrySample = false
    /// Where `registry.sample` is written in site.yml: its warning points there, where it is
    /// changed, not at the list.
    public var registrySampleLine: Int?
    public var registrySampleColumn: Int?
    /// `registry.as_of`: the date the list is as of (YYYY-MM or YYYY-MM-DD), shown with its source.
    public var registryAsOf: String?
    /// `registry.source_url`: where the list was downloaded (http or https).
    public var registrySourceURL: String?
    /// `guidance_groups`: the groups guidance pages are listed under (audiences or tasks), in order;
    /// a page names its group with `group:` in its front matter.
    public var guidanceGroups: [String] = []
    /// `guidance_groups` is there but could not be read (its mistake reported): the pages'
    /// groups are not checked against it, each would be one more error from the same mistake.
    public var guidanceGroupsUnreadable = false
    /// Images from the web break the offline promise: off unless the site says so.
    public var allowRemoteImages = false
    /// HTML, script and scripted SVG attachments run code when opened from a link: refused
    /// unless the site says so (`allow_active_attachments: true`).
    public var allowActiveAttachments = false
    /// Attachments larger than this are reported (a USB stick or a mail gateway may choke).
    public var maxAttachmentBytes = 20 * 1024 * 1024

    public init(title: String, description: String = "", language: String = "ja", navigation: [NavigationItem] = [],
                allowRawHTML: Bool = false, reviewAfterDays: Int = 365) {
        self.title = title
        self.description = description
        self.language = language
        self.navigation = navigation
        self.allowRawHTML = allowRawHTML
        self.reviewAfterDays = reviewAfterDays
    }
}
