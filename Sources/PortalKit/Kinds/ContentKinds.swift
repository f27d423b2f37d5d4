/// Every kind of content besides the Markdown pages (guidance and the incident sheet), in the
/// order their links appear on the home page and in the site map. Adding a kind is adding it here.
enum ContentKinds {
    static let all: [any ContentKind] = [
        RegistryKind(),
        ContactsKind(),
        FAQKind(),
        RiskKind(),
        MaturityKind(),
        GlossaryKind(),
    ]
}
