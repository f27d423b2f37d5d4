import Foundation

/// The content folder on disk: lists its files and reads them, refusing anything that leads
/// outside it (a symlink to /etc must not end up in a published portal).
public struct ContentFolder: Sendable {
    public let root: URL
    /// How paths are shown in diagnostics: the folder as the user named it.
    public let displayRoot: String

    private let resolvedRoot: String

    public init(root: URL, displayRoot: String) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot
        self.resolvedRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
    }

    func readData(_ relative: String) throws -> Data {
        try Data(contentsOf: file(relative))
    }

    /// A file's URL under the root. Said to be a file: without the hint, Foundation asks the
    /// disk whether the path is a folder, a stat per file read.
    func file(_ relative: String) -> URL {
        root.appendingPathComponent(relative, isDirectory: false)
    }

    public func displayPath(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }


    /// Files under `folder` (relative to the root), recursively, sorted, as root-relative paths.
    /// Hidden files and editor droppings are skipped.
    public func files(in folder: String, log: inout DiagnosticLog) -> [String] {
        let base = root.appendingPathComponent(folder)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDir), isDir.boolValue else { return [] }
        var found: [String] = []
        collect(base, relative: folder, into: &found, log: &log)
        // By code point, as SitePath sorts.
        return found.sorted { $0.precedesByCodePoint($1) }
    }

    /// readdir rather than FileManager: it names each entry's type without a stat, and this
    /// runs over every page at every rebuild in watch mode.
    private func collect(_ dir: URL, relative: String, into found: inout [String], log: inout DiagnosticLog) {
        guard let handle = opendir(dir.path) else {
            log.add(.error(.load, path: displayPath(relative), .cannotReadFolder(String(cString: strerror(errno)))))
            return
        }
        defer { closedir(handle) }
        let dirPath = dir.path
        while let entry = readdir(handle) {
            let name = entry.pointee.name
            if name == "." || name == ".." || Self.isIgnored(name) { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            let path = dirPath + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            if type == UInt8(DT_LNK) {
                // Only a symbolic link can lead out: its parents were checked on the way down.
                let url = URL(fileURLWithPath: path)
                guard isInside(url) else {
                    log.add(.error(.load, path: displayPath(rel), .symlinkOutside))
                    continue
                }
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                    log.add(.error(.load, path: displayPath(rel), .brokenSymlink))
                    continue
                }
                type = isDir.boolValue ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                collect(dir.appendingPathComponent(name), relative: rel, into: &found, log: &log)
            } else {
                found.append(rel)
            }
        }
    }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name.hasSuffix(".swp")
    }

    func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// True when the path, with every symlink followed, is still inside the content folder.
    func isInside(_ url: URL) -> Bool {
        let resolved = url.resolvingSymlinksInPath().path
        let rootPath = resolvedRoot
        return resolved == rootPath || resolved.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
    }

    /// Reads a text file as UTF-8, reporting a failure as a diagnostic. `listed` files came from
    /// `files(in:)`, which has already checked where they lead.
    public func readText(_ relative: String, listed: Bool = false, log: inout DiagnosticLog) -> String? {
        let url = file(relative)
        guard listed || isInside(url) else {
            log.add(.error(.load, path: displayPath(relative), .symlinkOutside))
            return nil
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            log.add(.error(.load, path: displayPath(relative), .cannotReadFile(error.localizedDescription)))
            return nil
        }
        do {
            return try TextDecoding.utf8(data)
        } catch {
            if case .notUTF8(let line) = error {
                log.add(.error(.load, path: displayPath(relative), line: line, column: 1, .notUTF8))
            }
            return nil
        }
    }
}
