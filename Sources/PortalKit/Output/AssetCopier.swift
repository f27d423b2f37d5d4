import Foundation

/// `templates/assets/` (CSS, classic scripts) is copied to `output/assets/` byte for byte.
enum AssetCopier {
    static func files(in folder: URL, displayRoot: String, log: inout DiagnosticLog) -> [OutputFile] {
        let content = ContentFolder(root: folder, displayRoot: displayRoot)
        return content.files(in: "", log: &log).compactMap { relative in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                log.add(.error(.load, path: content.displayPath(relative), .unreadableAsset))
                return nil
            }
            return OutputFile(path: SitePath("assets/" + relative), bytes: Array(data))
        }
    }
}
