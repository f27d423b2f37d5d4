/// `content/site.yml`: what the whole portal shares.
public struct SiteConfig: Sendable, Equatable {
    public struct NavigationItem: Sendable, Equatable {
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
    /// `registry.encoding` in site.yml: how services.csv is encoded.
    public var registryEncoding: TextEncodingChoice = .auto
    /// `registry.sample`: the registry is example data, not the list IPA publishes.
    public var registrySample = false
    /// `registry.as_of`: the date the list is as of (YYYY-MM or YYYY-MM-DD), shown with its source.
    public var registryAsOf: String?
    /// `registry.pentest_column`: the heading of the column that marks the penetration-testing
    /// option, when the list names it otherwise than the headings portal knows.
    public var registryPentestColumn: String?
    /// `registry.sheet`: the sheet of services.xlsx to read (the first one otherwise).
    public var registrySheet: String?
    /// `registry.source_url`: where the list was downloaded (http or https).
    public var registrySourceURL: String?
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
