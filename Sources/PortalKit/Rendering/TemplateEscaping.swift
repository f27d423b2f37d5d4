import Mustache
import PortalMarkdown

/// HTML escaping for `{{ }}` in every template: the same five characters and entities as
/// swift-mustache's own (`&`, `<`, `>`, `"`, `'`), which are `HTMLText.attribute`'s, decided on
/// UTF-8 bytes. The library's version looks each Character up in a dictionary, which was a
/// tenth of a 10,000-page build.
/// Installed through the library's content-type hook: a `CONTENT_TYPE` pragma on a line of its
/// own ahead of each template's text (a standalone tag, so it writes nothing).
struct TemplateEscaping: MustacheContentType {
    static let name = "PORTAL_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type once per process, before the first template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(TemplateEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { HTMLText.attribute(text) }
}
