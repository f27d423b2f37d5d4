import Foundation
import Synchronization
import Testing
@testable import PortalKit

@Suite struct ChangeDetectionTests {
    typealias S = FileStamp

    @Test("a pure diff of two snapshots: added, modified, removed; a rename is both")
    func diff() {
        let old = FileSnapshot(files: ["c/a.md": S(size: 1, modified: 1), "c/b.md": S(size: 2, modified: 2), "c/c.md": S(size: 3, modified: 3)])
        let new = FileSnapshot(files: ["c/a.md": S(size: 1, modified: 1), "c/b.md": S(size: 2, modified: 9), "c/d.md": S(size: 3, modified: 3)])
        let c = ChangeSet.between(old, new)
        #expect(c == ChangeSet(added: ["c/d.md"], modified: ["c/b.md"], removed: ["c/c.md"]))
        #expect(ChangeSet.between(new, new).isEmpty)
        #expect(c.summary() == "3 files changed")
        #expect(ChangeSet(modified: ["/w/c/b.md"]).summary(relativeTo: "/w") == "c/b.md changed")
        #expect(ChangeSet(removed: ["/x/c/b.md"]).summary(relativeTo: "/w") == "/x/c/b.md removed")
        // Under a Japanese locale the whole console line is Japanese, the cause included.
        #expect(c.summary(language: .ja) == "3 個のファイルが変わりました")
        #expect(ChangeSet(modified: ["/w/c/b.md"]).summary(relativeTo: "/w", language: .ja) == "c/b.md が変わりました")
        #expect(ChangeSet(added: ["/w/c/b.md"]).summary(relativeTo: "/w", language: .ja) == "c/b.md が追加されました")
        #expect(ChangeSet(removed: ["/w/c/b.md"]).summary(relativeTo: "/w", language: .ja) == "c/b.md が削除されました")
    }

    @Test("changes are classified: site.yml rebuilds everything, templates their pages, content the rest")
    func kinds() {
        #expect(ChangeSet(modified: ["/s/content/guidance/a.md"]).kind(contentRoot: "/s/content", templatesRoot: "/s/templates") == .content)
        #expect(ChangeSet(modified: ["/s/templates/page.mustache", "/s/content/a.md"]).kind(contentRoot: "/s/content", templatesRoot: "/s/templates") == .templates)
        #expect(ChangeSet(modified: ["/s/content/site.yml"]).kind(contentRoot: "/s/content", templatesRoot: "/s/templates") == .config)
        #expect(ChangeSet().kind(contentRoot: "/s/content", templatesRoot: "/s/templates") == nil)
    }

    @Test("a scan sees files in new folders and skips editor droppings")
    func scan() throws {
        let site = try TestSite(["content/guidance/a.md": page()])
        defer { site.cleanUp() }
        try site.write("content/guidance/.a.md.swp", "x")
        try site.write("content/guidance/new/b.md", page())
        let snapshot = FileSnapshot.scan([site.url("content").path])
        #expect(snapshot.files.keys.sorted().map { $0.replacingOccurrences(of: site.url("content").path, with: "") } == ["/guidance/a.md", "/guidance/new/b.md", "/site.yml"])
    }
}

extension ChangeDetectionTests {
    @Test("looking again at the paths the events named gives a fresh scan's snapshot and diff")
    func updatingNamedPaths() throws {
        let site = try TestSite(["content/guidance/a.md": page(), "content/guidance/b.md": page(), "content/guidance/old/c.md": page()])
        defer { site.cleanUp() }
        let root = site.url("content").path
        var snapshot = FileSnapshot.scan([root])
        // Each step: change the disk, name the paths inotify would name, compare with a scan.
        let steps: [(String, () throws -> Void, [String])] = [
            ("edit", { try site.write("content/guidance/a.md", page(body: "変更\n")) }, ["guidance/a.md"]),
            ("save via rename", {
                try site.write("content/guidance/.b.md.tmp", page(body: "新\n"))
                try FileManager.default.removeItem(at: site.url("content/guidance/b.md"))
                try FileManager.default.moveItem(at: site.url("content/guidance/.b.md.tmp"), to: site.url("content/guidance/b.md"))
            }, ["guidance/.b.md.tmp", "guidance/b.md"]),
            ("new folder", { try site.write("content/guidance/new/d.md", page()) }, ["guidance/new"]),
            ("folder removed", { try FileManager.default.removeItem(at: site.url("content/guidance/old")) }, ["guidance/old"]),
            ("file removed", { try site.remove("content/guidance/a.md") }, ["guidance/a.md"]),
            ("a temporary file that came and went", {}, ["guidance/4913"]),
        ]
        for (name, change, named) in steps {
            try change()
            let (next, changes) = snapshot.updating(Set(named.map { root + "/" + $0 }))
            let scanned = FileSnapshot.scan([root])
            #expect(next == scanned, "\(name)")
            #expect(changes == ChangeSet.between(snapshot, scanned), "\(name)")
            snapshot = next
        }
    }

    @Test("inotify events are read with their names; a new folder, a moved one, a deleted watched folder and an overflow are flagged")
    func inotifyEvents() {
        #if os(Linux)
        func event(_ wd: Int32, _ mask: UInt32, _ name: String) -> [UInt8] {
            var padded = Array(name.utf8)
            if !padded.isEmpty { padded += [UInt8](repeating: 0, count: 16 - padded.count % 16) }
            var header = inotify_event()
            header.wd = wd
            header.mask = mask
            header.len = UInt32(padded.count)
            return withUnsafeBytes(of: &header) { Array($0) } + padded
        }
        let folder = UInt32(IN_ISDIR)
        let bytes = event(1, UInt32(IN_CLOSE_WRITE), "ページ.md") + event(2, UInt32(IN_CREATE) | folder, "new")
            + event(1, UInt32(IN_MOVED_FROM) | folder, "old") + event(-1, UInt32(IN_Q_OVERFLOW), "") + event(3, UInt32(IN_DELETE_SELF), "")
        let events = Watcher.events(bytes[...])
        #expect(events == [Watcher.Event]([
            .init(watch: 1, name: "ページ.md", newFolder: false, folderMoved: false, overflow: false),
            .init(watch: 2, name: "new", newFolder: true, folderMoved: false, overflow: false),
            .init(watch: 1, name: "old", newFolder: false, folderMoved: true, overflow: false),
            .init(watch: -1, name: "", newFolder: false, folderMoved: false, overflow: true),
            .init(watch: 3, name: "", newFolder: false, folderMoved: false, overflow: false, folderGone: true),
        ]))
        #endif
    }
}

@Suite struct StaticFilesTests {
    @Test("paths that could leave the output folder are not found; folders serve index.html or nothing")
    func resolve() throws {
        let site = try TestSite(["output/index.html": "<p>x</p>", "output/guidance/index.html": "g", "output/assets/portal.css": "c", "secret.txt": "s"])
        defer { site.cleanUp() }
        try FileManager.default.createSymbolicLink(at: site.url("output/leak.txt"), withDestinationURL: site.url("secret.txt"))
        let files = StaticFiles(root: site.url("output"))
        func type(_ p: String) -> String? { if case .file(_, let t) = files.resolve(p) { return t } else { return nil } }
        #expect(type("/") == "text/html; charset=utf-8")
        #expect(type("/guidance/") == "text/html; charset=utf-8")
        #expect(type("/assets/portal.css?v=1") == "text/css; charset=utf-8")
        for bad in ["/../secret.txt", "/%2e%2e/secret.txt", "/guidance/%2E%2E/%2E%2E/secret.txt", "/assets/", "/leak.txt", "/.portal-output", "/a%00b", "relative", "/..%2fsecret.txt"] {
            #expect(files.resolve(bad) == .notFound, "\(bad)")
        }
    }

    @Test("the reload script goes into HTML responses only, before </body>")
    func inject() {
        #expect(LiveReload.inject(into: "<body><p>x</p></body></html>") == "<body><p>x</p><script src=\"/__portal/reload.js\"></script>\n</body></html>")
        #expect(LiveReload.event("failed", data: "a\nb") == "event: failed\ndata: a b\n\n")
        #expect(LiveReload.failureEvent(["a.md:1:1: error: \"x\"", "b\nc"]) == "event: failed\ndata: [\"a.md:1:1: error: \\\"x\\\"\",\"b\\nc\"]\n\n")
        #expect(LiveReload.reloadEvent == "event: reload\ndata: {}\n\n")
    }
}

/// `portal watch` and `portal serve` as processes: edit, break, fix, stop.
@Suite(.serialized) struct WatchProcessTests {
    /// Text a child process wrote, collected as it arrives.
    final class Collected: Sendable {
        let text = Mutex<String>("")
        func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
    }

    final class Running {
        let process = Process()
        let out = Pipe(), err = Pipe()
        private let collectedOut = Collected(), collectedErr = Collected()

        /// `locale`: the lines waited for are English by default, whatever the machine's locale.
        init(_ arguments: [String], in folder: URL, executable: URL = CLITests.binary, locale: String = "C.UTF-8") throws {
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = folder
            process.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": locale]) { $1 }
            process.standardOutput = out
            process.standardError = err
            let o = collectedOut, e = collectedErr
            out.fileHandleForReading.readabilityHandler = { o.append($0.availableData) }
            err.fileHandleForReading.readabilityHandler = { e.append($0.availableData) }
            try process.run()
        }

        var stdout: String { collectedOut.text.withLock { $0 } }
        var stderr: String { collectedErr.text.withLock { $0 } }

        /// Polls until the condition holds, at most `seconds`.
        func wait(_ seconds: Double = 15, until condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return condition()
        }

        func interrupt() -> Int32 {
            process.interrupt()
            process.waitUntilExit()
            out.fileHandleForReading.readabilityHandler = nil
            err.fileHandleForReading.readabilityHandler = nil
            return process.terminationStatus
        }
    }

    @Test("watch rebuilds on change, keeps the last good output on errors, recovers, and exits 0 on Ctrl-C")
    func watch() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.binary.path))
        let site = try TestSite(["content/guidance/a.md": page("最初")])
        defer { site.cleanUp() }
        let w = try Running(["watch"], in: site.root)
        #expect(w.wait { w.stdout.contains("watching") })
        #expect(site.read("output/guidance/a.html")?.contains("最初") == true)

        try site.write("content/guidance/a.md", page("二番目"))
        #expect(w.wait { site.read("output/guidance/a.html")?.contains("二番目") == true })

        try site.write("content/guidance/b.md", "---\ntitle: 壊れた\n---\n")
        #expect(w.wait { w.stderr.contains("content/guidance/b.md:2:1: error: missing required key 'updated' [E0103]") })
        // The summary line is written after the errors: wait for it rather than race it.
        #expect(w.wait { w.stderr.contains("still watching") })
        #expect(site.read("output/guidance/a.html")?.contains("二番目") == true)

        try site.write("content/guidance/b.md", page("直した"))
        #expect(w.wait { site.read("output/guidance/b.html")?.contains("直した") == true })

        try FileManager.default.moveItem(at: site.url("content/guidance/b.md"), to: site.url("content/guidance/c.md"))
        #expect(w.wait { site.read("output/guidance/c.html") != nil && site.read("output/guidance/b.html") == nil })
        #expect(w.interrupt() == 0)
    }

    @Test("under a Japanese locale every line watch prints is Japanese, what caused a rebuild included")
    func watchInJapanese() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.binary.path))
        let site = try TestSite(["content/guidance/a.md": page("最初")])
        defer { site.cleanUp() }
        let w = try Running(["watch"], in: site.root, locale: "ja_JP.UTF-8")
        #expect(w.wait { w.stdout.contains("を見張っています") })
        try site.write("content/guidance/a.md", page("二番目"))
        #expect(w.wait { w.stdout.contains("content/guidance/a.md が変わりました。output/ の") }, "\(w.stdout)")
        try site.write("content/guidance/n.md", page("新しい"))
        #expect(w.wait { w.stdout.contains("content/guidance/n.md が追加されました。output/ の") }, "\(w.stdout)")
        #expect(w.interrupt() == 0)
        // Paths and the name of the watching mechanism aside, no English word is left.
        let words = w.stdout.split(whereSeparator: { !$0.isLetter || !$0.isASCII }).map(String.init)
        #expect(Set(words).subtracting(["content", "guidance", "md", "output", "templates", "inotify", "polling", "Ctrl", "C", "a", "n"]).isEmpty, "\(w.stdout)")
    }

    @Test("watch follows content/ and templates/ deleted and made again, or replaced by a rename, to what a clean build gives",
          arguments: ["delete and copy", "rename"])
    func foldersReplaced(_ how: String) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.binary.path))
        let site = try TestSite(["content/guidance/a.md": page("最初")])
        defer { site.cleanUp() }
        let w = try Running(["watch"], in: site.root)
        #expect(w.wait { w.stdout.contains("watching") })
        let fm = FileManager.default
        let fresh = site.url("fresh")
        try fm.createDirectory(at: fresh, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try fm.copyItem(at: site.url(folder), to: fresh.appendingPathComponent(folder))
        }
        try Data(page("入れ替えた版").utf8).write(to: fresh.appendingPathComponent("content/guidance/a.md"))
        try Data(page("新しいページ").utf8).write(to: fresh.appendingPathComponent("content/guidance/n.md"))
        let footer = fresh.appendingPathComponent("templates/footer.mustache")
        try Data((try String(contentsOf: footer, encoding: .utf8) + "<!-- replaced -->\n").utf8).write(to: footer)
        for folder in ["content", "templates"] {
            if how == "rename" {
                try fm.moveItem(at: site.url(folder), to: site.url(folder + ".old"))
                try fm.moveItem(at: fresh.appendingPathComponent(folder), to: site.url(folder))
            } else {
                try fm.removeItem(at: site.url(folder))
                if folder == "content" { #expect(w.wait { w.stderr.contains("content folder not found") }) }
                try fm.copyItem(at: fresh.appendingPathComponent(folder), to: site.url(folder))
            }
        }
        #expect(w.wait(30) {
            site.read("output/guidance/n.html")?.contains("新しいページ") == true
                && site.read("output/index.html")?.contains("<!-- replaced -->") == true
        }, "\(w.stdout)\n\(w.stderr)")
        // Edits inside the new folders are seen too (they have watches of their own).
        try site.write("content/guidance/a.md", page("その後の編集"))
        #expect(w.wait { site.read("output/guidance/a.html")?.contains("その後の編集") == true })
        #expect(w.interrupt() == 0)
        try await site.build(output: "clean-build", useCache: false)
        let diff = Process()
        diff.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        diff.arguments = ["-r", "output", "clean-build"]
        diff.currentDirectoryURL = site.root
        try diff.run()
        diff.waitUntilExit()
        #expect(diff.terminationStatus == 0, "watch's output differs from a clean build")
    }

    /// A raw socket to the server, sending the request line exactly as given (an HTTP client
    /// would normalise `..` away before sending).
    func connectAndSend(_ port: Int, _ path: String) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        try #require(connected == 0)
        let text = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
        _ = text.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        return fd
    }

    func request(_ port: Int, _ path: String) throws -> (status: String, headers: [String], body: String) {
        let fd = try connectAndSend(port, path)
        defer { close(fd) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let response = String(decoding: data, as: UTF8.self)
        let head = response.components(separatedBy: "\r\n\r\n").first ?? ""
        let lines = head.components(separatedBy: "\r\n")
        return (lines.first ?? "", Array(lines.dropFirst()), String(response.dropFirst(head.count + 4)))
    }

    @Test("serve: pages with types and the reload script, traversal refused, events after a rebuild, port in use")
    func serve() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.binary.path))
        let site = try TestSite(["content/guidance/a.md": page("配信")])
        defer { site.cleanUp() }
        let s = try Running(["serve", "--port", "0"], in: site.root)
        #expect(s.wait { s.stdout.contains("watching") })
        let port = try #require(s.stdout.split(separator: "\n").first { $0.hasPrefix("serving") }.flatMap { line in
            line.split(separator: ":").last.map { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "/"))) } ?? nil
        })
        let response = try request(port, "/guidance/a.html")
        #expect(response.status == "HTTP/1.1 200 OK")
        #expect(response.headers.contains("Content-Type: text/html; charset=utf-8"))
        #expect(response.body.contains("配信"))
        #expect(response.body.contains("/__portal/reload.js"))
        #expect(site.read("output/guidance/a.html")?.contains("__portal") == false)
        #expect(try request(port, "/assets/portal.css").headers.contains("Content-Type: text/css; charset=utf-8"))
        for bad in ["/../content/site.yml", "/%2e%2e/content/site.yml", "/assets/"] {
            #expect(try request(port, bad).status == "HTTP/1.1 404 Not Found", "\(bad)")
        }

        // The event stream: a rebuild after an edit says reload.
        let fd = try connectAndSend(port, "/__portal/events")
        defer { close(fd) }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // The stream is registered before its preamble is written: once it arrives, edit.
        var received = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(": connected") {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        try site.write("content/guidance/a.md", page("更新"))
        while !received.contains("event: reload") {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        #expect(received.contains("text/event-stream"))
        #expect(received.contains("event: reload"))

        let second = try Running(["serve", "--port", String(port)], in: site.root)
        second.process.waitUntilExit()
        #expect(second.process.terminationStatus == 1)
        #expect(second.wait { second.stderr.contains("port \(port) on 127.0.0.1 is already in use") })
        let japanese = try Running(["serve", "--port", String(port)], in: site.root, locale: "ja_JP.UTF-8")
        japanese.process.waitUntilExit()
        #expect(japanese.process.terminationStatus == 1)
        // The pipe's last bytes may arrive after the exit: wait for the line, not race it.
        #expect(japanese.wait { japanese.stderr.contains("エラー: 127.0.0.1 のポート \(port) はほかのプログラムが使っています") }, "\(japanese.stderr)")
        #expect(s.interrupt() == 0)
    }
}
