/// Every kind of content, in the order their pages' search documents come and their links appear
/// on the home page and in the site map. Adding a kind is adding it here.
enum ContentKinds {
    static let all: [any ContentKind] = [
        GuidanceKind(),
        IncidentKind(),
        RegistryKind(),
        ContactsKind(),
        FAQKind(),
        RiskKind(),
        MaturityKind(),
        GlossaryKind(),
    ]
}
