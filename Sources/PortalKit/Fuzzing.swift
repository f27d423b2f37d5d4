import Foundation

/// Entry points for the libFuzzer targets in Fuzz/ (`make fuzz`): each feeds arbitrary bytes to
/// one reader of content exactly as a build would, and must return, whatever the bytes, with
/// diagnostics rather than a trap. Public only so that the fuzz package, built with
/// `-sanitize=fuzzer`, can reach them.
public enum Fuzzing {
    public static let targets = ["front-matter", "csv", "registry", "xlsx", "yaml", "markdown"]

    /// Runs one target on one input; unknown targets do nothing.
    public static func run(_ target: String, _ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        var log = DiagnosticLog()
        switch target {
        case "front-matter":
            _ = GuidanceLoader.load(text, contentPath: "guidance/f.md", displayPath: "content/guidance/f.md", log: &log)
        case "csv":
            _ = try? CSV.parse(text)
            _ = try? CSVDecoding.decode(data, as: .auto)
        case "registry":
            let categories = RegistryLoader.loadCategories(Self.categories, path: "categories.yml", log: &log)
            let decoded = (try? CSVDecoding.decode(data, as: .auto)) ?? text
            _ = RegistryLoader.loadServices(decoded, path: "services.csv", categories: categories, log: &log)
        case "xlsx":
            let categories = RegistryLoader.loadCategories(Self.categories, path: "categories.yml", log: &log)
            _ = RegistryLoader.loadWorkbook(data, path: "services.xlsx", categories: categories, log: &log)
        case "yaml":
            // One input, every YAML reader of the content folder.
            _ = SiteConfigLoader.load(text, path: "site.yml", log: &log)
            _ = ContactsLoader.load(text, path: "contacts.yml", log: &log)
            _ = FAQLoader.load(text, path: "faq.yml", log: &log)
            _ = ReportsLoader.risk(text, path: "risk.yml", log: &log)
            _ = ReportsLoader.maturity(text, path: "maturity.yml", log: &log)
            _ = SynonymsLoader.load(text, path: "synonyms.yml", log: &log)
            _ = RegistryLoader.loadCategories(text, path: "categories.yml", log: &log)
        case "markdown":
            // A page with links resolved against itself, one other page and one attachment.
            let config = SiteConfig(title: "fuzz")
            let origin = LinkOrigin(contentPath: "guidance/f.md", displayPath: "content/guidance/f.md", outputPath: SitePath("guidance/f.html"))
            var resolver = LinkResolver(pages: ["guidance/other.md": .init(outputPath: SitePath("guidance/other.html"), headingIDs: ["a"])])
            resolver.attachments = ["guidance/x.pdf": Attachment(contentPath: "guidance/x.pdf", size: 10, dimensions: nil)]
            let (html, _) = MarkdownStage.fragment(text, lineOffset: 0, columnOffset: 0, origin: origin, config: config, resolver: resolver, log: &log)
            precondition(!html.lowercased().contains("href=\"javascript:"), "a script link got through")
        default:
            break
        }
    }

    static let categories = """
    categories:
      - id: audit
        name: 情報セキュリティ監査サービス
        label: 監査
        description: 点検
        order: 1
        aliases: [監査]
        pentest_option: false
      - id: vulnerability
        name: 脆弱性診断サービス
        label: 脆弱性診断
        description: 診断
        order: 2
        aliases: [脆弱性診断]
        pentest_option: true
    """
}
