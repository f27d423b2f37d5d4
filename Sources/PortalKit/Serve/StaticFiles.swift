import Foundation

/// Maps a request path to a file of the output folder, refusing everything that could lead
/// elsewhere: `..` (also percent-encoded), NUL bytes, symbolic links out of the folder. A folder
/// serves its index.html or nothing: there is no directory listing.
public struct StaticFiles: Sendable {
    public let root: URL
    private let resolvedRoot: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        self.resolvedRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
    }

    public enum Resolution: Equatable, Sendable {
        case file(path: String, contentType: String)
        /// A folder asked for without its final slash: its relative links would resolve one
        /// level too high, so the browser is sent to the folder's own URL.
        case redirect(location: String)
        case notFound
    }

    public func resolve(_ requestTarget: String) -> Resolution {
        let pathPart = requestTarget.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard pathPart.hasPrefix("/"), let decoded = pathPart.removingPercentEncoding, !decoded.contains("\0"),
              !decoded.contains("\\")
        else { return .notFound }
        var parts: [String] = []
        for piece in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == "." { continue }
            if piece == ".." || piece.hasPrefix(".") { return .notFound }  // no climbing, no hidden files
            parts.append(String(piece))
        }
        var candidate = root.appendingPathComponent(parts.joined(separator: "/"))
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir) else { return .notFound }
        if isDir.boolValue {
            if !pathPart.hasSuffix("/") {
                let query = requestTarget.dropFirst(pathPart.count)
                return .redirect(location: pathPart + "/" + query)
            }
            candidate = candidate.appendingPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue else { return .notFound }
        }
        let real = candidate.resolvingSymlinksInPath().path
        guard real.hasPrefix(resolvedRoot + "/") else { return .notFound }
        return .file(path: real, contentType: Self.contentType(forExtension: (real as NSString).pathExtension))
    }

    public static func contentType(forExtension ext: String) -> String {
        switch ext.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "zip": "application/zip"
        default: "application/octet-stream"
        }
    }
}

/// The live-reload client, injected into HTML only while serving (never written to the output):
/// it listens to the server's event stream, reloads after a good rebuild and shows the errors of
/// a failed one over the page.
public enum LiveReload {
    public static let scriptPath = "/__portal/reload.js"
    public static let eventsPath = "/__portal/events"

    public static func inject(into html: String) -> String {
        let tag = "<script src=\"\(scriptPath)\"></script>\n"
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag)
    }

    public static let script = """
    (function () {
      "use strict";
      var overlay = null;
      function show(lines) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.setAttribute("role", "alert");
          overlay.id = "portal-build-errors";
          overlay.style.cssText = "position:fixed;inset:0;z-index:99999;background:rgba(20,20,20,.92);color:#fff;padding:2rem;overflow:auto;font:14px/1.6 ui-monospace,monospace;white-space:pre-wrap";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "portal build failed (the page shows the last good build):\\n\\n" + lines.join("\\n");
      }
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("failed", function (e) {
        try { show(JSON.parse(e.data)); } catch (err) { show([String(e.data)]); }
      });
    })();
    """

    public static let reloadEvent = event("reload", data: "{}")

    /// The diagnostics of a failed rebuild, for the overlay.
    public static func failureEvent(_ lines: [String]) -> String {
        var w = JSONWriter()
        w.stringArray(lines)
        return event("failed", data: w.text)
    }

    /// One server-sent event; data lines must not contain newlines.
    public static func event(_ name: String, data: String) -> String {
        "event: \(name)\ndata: \(data.replacingOccurrences(of: "\n", with: " "))\n\n"
    }
}
