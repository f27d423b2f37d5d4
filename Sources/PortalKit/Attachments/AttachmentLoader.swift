import Foundation

/// Finds the attachments of `guidance/` (any depth, anything but Markdown) and `files/`, and
/// checks what breaks on other disks: names that differ only in case, and very large files.
enum AttachmentLoader {
    static let folders = ["guidance", "files"]

    /// `guidanceFiles`: the listing of guidance/ the loader already made (listed once, so a
    /// problem in it is reported once).
    static func load(_ content: ContentFolder, guidanceFiles: [String], maxBytes: Int, allowActive: Bool = false,
                     log: inout DiagnosticLog) -> [Attachment] {
        var found: [Attachment] = []
        for folder in folders {
            let listing = folder == "guidance" ? guidanceFiles : content.files(in: folder, log: &log)
            for file in listing where !file.lowercased().hasSuffix(".md") {
                let url = content.root.appendingPathComponent(file)
                if let reason = ActiveContent.unusableNameReason(file) {
                    log.add(.error(.load, path: content.displayPath(file), reason))
                }
                if let reason = ActiveContent.colonNameReason(file) {
                    log.add(.warning(.load, path: content.displayPath(file), reason))
                }
                if folder == "guidance", let pageName = pageName(of: file, url: url) {
                    log.add(.warning(.load, path: content.displayPath(file), .pageNotNamedMD(pageName)))
                }
                let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
                if size > maxBytes {
                    log.add(.warning(.load, path: content.displayPath(file), .attachmentTooLarge(Attachment.sizeLabel(size), limit: Attachment.sizeLabel(maxBytes))))
                }
                var attachment = Attachment(contentPath: file, size: size, dimensions: nil)
                // Refused files stay listed (the build fails on the error), so links to them
                // add no second "missing file" error.
                if !allowActive { checkInactive(attachment, url: url, content: content, maxBytes: maxBytes, log: &log) }
                if ["png", "gif", "jpg", "jpeg", "webp", "svg"].contains(attachment.fileExtension),
                   let handle = try? FileHandle(forReadingFrom: url) {
                    let head = (try? handle.read(upToCount: 262_144)) ?? Data()
                    try? handle.close()
                    attachment.dimensions = ImageHeader.dimensions(of: head, fileExtension: attachment.fileExtension)
                }
                found.append(attachment)
            }
        }
        reportCaseClashes(found.map(\.contentPath) + guidanceFiles.filter { $0.lowercased().hasSuffix(".md") },
                          content: content, log: &log)
        return found
    }

    /// The name a page saved under another extension should have: Notepad's `a.md.txt`, an
    /// editor's `a.markdown`, a `.txt` that starts with front matter. Such a file is not built
    /// as a page, and without a word it would be published as it is, front matter and all.
    static func pageName(of file: String, url: URL) -> String? {
        let lower = file.lowercased()
        for suffix in [".md.txt", ".markdown", ".mdown", ".mkd"] where lower.hasSuffix(suffix) {
            return String(file.dropLast(suffix.count)) + ".md"
        }
        guard lower.hasSuffix(".txt"), let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 6)) ?? Data()
        // Front matter's fence, after a byte-order mark if Notepad wrote one.
        let fence = Array("---".utf8)
        guard Array(head.prefix(3)) == fence || Array(head.prefix(6)) == [0xEF, 0xBB, 0xBF] + fence else { return nil }
        return String(file.dropLast(4)) + ".md"
    }

    /// Reports a file that would run code when opened from its link.
    private static func checkInactive(_ attachment: Attachment, url: URL, content: ContentFolder, maxBytes: Int, log: inout DiagnosticLog) {
        let path = content.displayPath(attachment.contentPath)
        if ActiveContent.scriptExtensions.contains(attachment.fileExtension) {
            log.add(.error(.load, path: path, .activeAttachment(attachment.fileExtension)))
            return
        }
        guard attachment.fileExtension == "svg", let data = try? Data(contentsOf: url), data.count <= maxBytes else { return }
        let findings = ActiveContent.findings(inSVG: data)
        for f in findings {
            log.add(.error(.load, path: path, line: f.line, column: f.column, .activeSVG(f.wording)))
        }
    }

    /// `Flow.png` and `flow.png` are two files here and one on Windows, macOS and most USB sticks.
    static func reportCaseClashes(_ paths: [String], content: ContentFolder, log: inout DiagnosticLog) {
        var seen: [String: String] = [:]
        for path in paths.sorted() {
            let key = path.lowercased()
            if let other = seen[key], other != path {
                log.add(.error(.load, path: content.displayPath(path), .caseClash(content.displayPath(other))))
            } else {
                seen[key] = path
            }
        }
    }
}
