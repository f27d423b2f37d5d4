import PortalMarkdown

/// A page's parse written by hand, in exactly the bytes its Codable conformance gives through
/// `CacheCoder` (each struct its fields in declaration order, key then value; a nil optional
/// left out, as `encodeIfPresent` leaves it; an enum its raw value): the Codable path made a
/// boxed container and an encoder for every heading, link and section of every page, a
/// twentieth of a clean build. The reader is still the Codable one. `CacheCoderTests` compares
/// both writers' bytes on seeded documents, so a field added to these types and not here fails.
extension CacheCoder.Sink {
    /// The payload of a `MarkdownDocument` (its slot is open).
    func document(_ d: MarkdownDocument) {
        key("slottedHTML")
        string(d.slottedHTML)
        key("headings")
        list(d.headings) { h in
            key("level"); integer(h.level)
            key("text"); string(h.text)
            key("id"); string(h.id)
            key("line"); integer(h.line)
        }
        key("links")
        list(d.links) { l in
            key("kind"); string(l.kind.rawValue)
            key("destination"); string(l.destination)
            key("title"); string(l.title)
            key("text"); string(l.text)
            key("line"); integer(l.line)
            key("column"); integer(l.column)
        }
        key("sections")
        list(d.sections) { s in
            if let id = s.headingID {
                key("headingID"); string(id)
            }
            key("title"); string(s.title)
            key("text"); string(s.text)
        }
        key("diagnostics")
        // Rare: the Codable path.
        let slot = openSlot()
        for diagnostic in d.diagnostics { value(diagnostic, codingPath: []) }
        closeSlot(slot)
    }

    /// A field's key, as `KeyedWriter` writes it.
    private func key(_ name: StaticString) {
        let slot = openSlot()
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        closeSlot(slot)
    }

    /// An array of structs: a slot holding one slot per element, each the element's fields.
    private func list<T>(_ items: [T], _ fields: (T) -> Void) {
        let slot = openSlot()
        for item in items {
            let element = openSlot()
            fields(item)
            closeSlot(element)
        }
        closeSlot(slot)
    }
}
