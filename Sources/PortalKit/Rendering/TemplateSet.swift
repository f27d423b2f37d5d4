import Foundation
import Mustache

/// The Mustache templates of `templates/`, checked before anything is rendered: each required
/// layout present, every partial and parent a template refers to present, every file parses.
public struct TemplateSet: Sendable {
    public static let required = ["home", "page", "section", "search", "sitemap"]

    let library: MustacheLibrary
    /// The templates' text by name: what a rendered page depends on.
    let sources: [String: String]
    let displayRoot: String
    /// The texts each group of pages is rendered with (see `closure`), worked out once.
    let pageLayout: [String: String], listLayout: [String: String], restLayout: [String: String]
    /// Partials rendered once per distinct set of values they read (see `PartialMemo`).
    let memo: PartialMemo

    /// `references`: the partials and parents each template names, when the caller has read them.
    init(library: MustacheLibrary, sources: [String: String], displayRoot: String, references: [String: [String]]? = nil,
         memo: PartialMemo = .none) {
        self.library = library
        self.sources = sources
        self.displayRoot = displayRoot
        self.memo = memo
        let references = references ?? sources.mapValues { Self.references(in: $0).map(\.name) }
        let changesDelimiters = sources.values.contains { $0.contains("{{=") }
        func layout(_ roots: [String]) -> [String: String] {
            changesDelimiters ? sources : Self.closure(roots, in: sources, references: references)
        }
        pageLayout = layout(Self.pageRoots)
        listLayout = layout(Self.listRoots)
        restLayout = layout(sources.keys.filter { !Self.pageRoots.contains($0) && !Self.listRoots.contains($0) }.sorted())
    }

    func displayPath(_ name: String) -> String { displayRoot + "/" + name + ".mustache" }

    /// Parses the given templates (name → text); `displayRoot` names the folder in diagnostics.
    /// `memoise`: off only for tests, which compare the memo's pages with plain rendering.
    static func make(_ sources: [String: String], displayRoot: String, memoise: Bool = true, log buildLog: inout DiagnosticLog) -> TemplateSet? {
        // The templates' own mistakes (the build's log may hold the content's already).
        var log = DiagnosticLog()
        defer { buildLog.add(contentsOf: log.entries) }
        var library = MustacheLibrary()
        let path = { (name: String) in displayRoot + "/" + name + ".mustache" }
        _ = TemplateEscaping.registered
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: TemplateEscaping.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is one line ahead of the file's own text.
                log.add(.error(.load, path: path(name), line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber,
                               .templateSyntax("\(error.error)")))
            } catch {
                log.add(.error(.load, path: path(name), .templateSyntax("\(error)")))
            }
        }
        for name in required where sources[name] == nil {
            log.add(.error(.load, path: path(name), .missingTemplate(name, required: required)))
        }
        let found = sources.mapValues { Self.references(in: $0) }
        for name in sources.keys.sorted() {
            for reference in found[name]! where sources[reference.name] == nil {
                log.add(.error(.load, path: path(name), line: reference.line, column: 1,
                               .missingPartial(name, partial: reference.name, expected: path(reference.name),
                                               near: Suggestion.closest(to: reference.name, in: sources.keys.sorted()))))
            }
        }
        if log.hasErrors { return nil }
        // The memo's texts, registered over the templates they rewrite; they came from templates
        // that parsed, so they parse (if one did not, the templates are rendered as written).
        let named = found.mapValues { $0.map(\.name) }
        let memo = memoise ? PartialMemo.plan(sources, references: named) : .none
        var memoLibrary = library
        for (name, text) in memo.templates.sorted(by: { $0.key < $1.key }) {
            guard let template = try? MustacheTemplate(string: TemplateEscaping.pragma + text) else {
                return TemplateSet(library: library, sources: sources, displayRoot: displayRoot, references: named)
            }
            memoLibrary.register(template, named: name)
        }
        return TemplateSet(library: memoLibrary, sources: sources, displayRoot: displayRoot, references: named, memo: memo)
    }

    /// Reads every `*.mustache` file directly in `folder`.
    public static func load(from folder: URL, displayRoot: String, log: inout DiagnosticLog) -> TemplateSet? {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            log.add(.error(.load, path: displayRoot, .cannotReadTemplates(error.localizedDescription)))
            return nil
        }
        var sources: [String: String] = [:]
        for file in names where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                  let text = String(data: data, encoding: .utf8) else {
                log.add(.error(.load, path: displayRoot + "/" + file, .templateNotUTF8))
                continue
            }
            sources[name] = text
        }
        return make(sources, displayRoot: displayRoot, log: &log)
    }

    /// The layouts of guidance pages and of the list pages; every other template may be used by
    /// the other pages.
    static let pageRoots = ["page"], listRoots = ["home", "section", "sitemap"]

    /// The texts of `roots` and of every partial and parent they use, transitively: what pages
    /// rendered with those layouts depend on. A template that changes its tag delimiters could
    /// hide a reference, so with one of those every template counts.
    static func closure(_ roots: [String], in sources: [String: String]) -> [String: String] {
        if sources.values.contains(where: { $0.contains("{{=") }) { return sources }
        return closure(roots, in: sources, references: sources.mapValues { references(in: $0).map(\.name) })
    }

    /// The same with each template's references already read (`references(in:)`).
    static func closure(_ roots: [String], in sources: [String: String], references: [String: [String]]) -> [String: String] {
        var found: [String: String] = [:]
        var pending = roots
        while let name = pending.popLast() {
            guard found[name] == nil, let text = sources[name] else { continue }
            found[name] = text
            pending += references[name] ?? []
        }
        return found
    }

    /// `{{> name}}` and `{{< name}}` tags, with the line each sits on. Read on UTF-8 bytes:
    /// every template is read this way when loaded.
    static func references(in text: String) -> [(name: String, line: Int)] {
        let bytes = Array(text.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        var found: [(String, Int)] = []
        var line = 1
        var counted = 0
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == open, bytes[i + 1] == open else { i += 1; continue }
            var j = i + 2
            while j + 1 < bytes.count, !(bytes[j] == close && bytes[j + 1] == close) { j += 1 }
            guard j + 1 < bytes.count else { break }
            line += bytes[counted..<i].count { $0 == newline }
            counted = i
            let tag = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if let first = tag.first, first == ">" || first == "<" {
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { found.append((name, line)) }
            }
            i = j + 2
        }
        return found
    }

    /// Renders a layout; swift-mustache answers nil for an unknown name, which becomes an error here.
    func render(_ context: [String: Any], with name: String) throws(TemplateError) -> String {
        guard sources[name] != nil else { throw TemplateError(name: name) }
        var context = context
        guard memo.fill(&context, for: name, rendering: { library.render($0, withTemplate: $1) }),
              let html = library.render(context, withTemplate: name) else { throw TemplateError(name: name) }
        return html
    }
}

/// One file (or a few) of the output, rendered when run: pages are independent, so the
/// renderer runs these on every core.
typealias RenderJob = @Sendable () -> Result<[OutputFile], TemplateError>

extension TemplateSet {
    func job(_ path: SitePath, _ template: String, _ context: @escaping @Sendable () -> [String: Any]) -> RenderJob {
        {
            do throws(TemplateError) {
                return .success([OutputFile(path: path, text: try render(context(), with: template))])
            } catch {
                return .failure(error)
            }
        }
    }
}

struct TemplateError: Error, Sendable {
    var name: String
}
