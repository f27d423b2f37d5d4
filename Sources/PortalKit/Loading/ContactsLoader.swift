import Foundation

/// Reads `contacts.yml`: every phone, address and URL checked at its line.
enum ContactsLoader {
    static let groupKeys = ["id", "title", "description", "entries"]
    static let entryKeys = ["organization", "department", "purpose", "phone", "extension", "email", "url", "hours", "notes", "placeholder"]

    static func load(_ text: String, path: String, log: inout DiagnosticLog) -> [ContactGroup] {
        let errorsBefore = log.entries.count
        let source = YAMLSource(path: path)
        guard let map = YAMLMapping(source.parse(text, log: &log), source: source, what: .file("contacts.yml"), log: &log) else { return [] }
        map.rejectUnknownKeys(allowed: ["groups"], log: &log)
        var groups: [ContactGroup] = []
        var seen: Set<String> = []
        for g in map.mappings("groups", what: "a contact group", log: &log) {
            g.rejectUnknownKeys(allowed: groupKeys, log: &log)
            guard let id = g.string("id", required: true, log: &log), let title = g.string("title", required: true, log: &log) else { continue }
            if Slug(id) == nil {
                log.add(source.diagnostic(g.valueMark("id"), .badContactGroupID(id)))
            } else if !seen.insert(id).inserted {
                log.add(source.diagnostic(g.valueMark("id"), .duplicateContactGroupID(id)))
            }
            var entries: [ContactEntry] = []
            for e in g.mappings("entries", what: "a contact", log: &log) {
                if let entry = entry(e, source: source, log: &log) { entries.append(entry) }
            }
            groups.append(ContactGroup(id: id, title: title, description: g.string("description", log: &log) ?? "", entries: entries))
        }
        // An empty file builds a contacts page with nothing on it: the one page people print
        // for an incident.
        if !groups.contains(where: { !$0.entries.isEmpty }), !log.hasErrors(since: errorsBefore) {
            log.add(source.diagnostic(map.mark, .noContacts, severity: .warning))
        }
        return groups
    }

    private static func entry(_ e: YAMLMapping, source: YAMLSource, log: inout DiagnosticLog) -> ContactEntry? {
        e.rejectUnknownKeys(allowed: entryKeys, log: &log)
        let before = log.entries.count
        let organization = e.string("organization", required: true, log: &log)
        let purpose = e.string("purpose", required: true, log: &log)
        var phone: PhoneNumber?
        if let raw = e.string("phone", log: &log) {
            phone = PhoneNumber(raw)
            if phone == nil {
                log.add(source.diagnostic(e.valueMark("phone"), .badPhone(raw)))
            }
        }
        let email = e.string("email", log: &log) ?? ""
        if !email.isEmpty, !isEmailAddress(email) {
            log.add(source.diagnostic(e.valueMark("email"), .badEmail(email)))
        }
        let url = e.string("url", log: &log) ?? ""
        if !url.isEmpty, let problem = URLText.problem(with: url, otherwise: .notHTTP(url)) {
            log.add(source.diagnostic(e.valueMark("url"), problem))
        }
        let placeholder = e.bool("placeholder", log: &log) ?? false
        let extensionText = e.string("extension", log: &log) ?? ""
        if !extensionText.isEmpty, phone == nil, log.entries.count == before {
            log.add(source.diagnostic(e.valueMark("extension"), .extensionWithoutPhone))
        }
        guard let organization, let purpose, !log.hasErrors(since: before) else { return nil }
        if placeholder {
            log.add(source.diagnostic(e.mark, .placeholderContact(organization), severity: .warning))
        } else {
            for (key, value) in [("url", url), ("email", email)] where ExampleText.isExampleAddress(value) {
                log.add(source.diagnostic(e.valueMark(key), .exampleAddress(key, value), severity: .warning))
            }
            if let mark = ExampleText.mark(in: organization) {
                log.add(source.diagnostic(e.valueMark("organization"), .fillInMark(organization, mark: mark), severity: .warning))
            }
        }
        return ContactEntry(
            organization: organization, department: e.string("department", log: &log) ?? "", purpose: purpose,
            phone: phone, extension_: extensionText, email: email, url: url,
            hours: e.string("hours", log: &log) ?? "", notes: e.string("notes", log: &log) ?? "",
            placeholder: placeholder, line: e.mark.map { $0.line } ?? 0
        )
    }

    /// A pragmatic check: one @, a local part and a dotted domain, no spaces or markup.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return false }
        let local = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let domain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        return parts[0].unicodeScalars.allSatisfy(local.contains) && parts[1].unicodeScalars.allSatisfy(domain.contains)
    }
}
