import Foundation
import Testing
@testable import PortalKit

/// `portal serve` under the attacks a security team tries on its own preview: idle and slow
/// clients, event streams opened and dropped, descriptors run out, a foreign Host.
@Suite(.serialized) struct PreviewServerTests {
    typealias Running = WatchProcessTests.Running
    let helper = WatchProcessTests()

    /// Starts `portal serve --port 0` (through the shell when `shell` sets limits first) and
    /// returns it with its port, once it watches.
    func serve(_ site: TestSite, shell: String? = nil) throws -> (Running, Int) {
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.binary.path))
        let s: Running
        if let shell {
            s = try Running(["-c", "\(shell); exec '\(CLITests.binary.path)' serve --port 0"], in: site.root, executable: URL(fileURLWithPath: "/bin/sh"))
        } else {
            s = try Running(["serve", "--port", "0"], in: site.root)
        }
        #expect(s.wait { s.stdout.contains("watching") })
        let port = try #require(s.stdout.split(separator: "\n").first { $0.hasPrefix("serving") }.flatMap { line in
            line.split(separator: ":").last.map { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "/"))) } ?? nil
        })
        return (s, port)
    }

    func connectIdle(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        return fd
    }

    func descriptors(of pid: Int32) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    /// Sends a raw request with the given Host header and returns the status line and headers.
    func raw(_ port: Int, _ request: String) throws -> [String] {
        let fd = connectIdle(port)
        defer { close(fd) }
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n\r\n").first?.components(separatedBy: "\r\n") ?? []
    }

    @Test("300 idle connections do not delay a normal GET")
    func idleConnections() throws {
        let site = try TestSite(["content/guidance/a.md": page("配信")])
        defer { site.cleanUp() }
        let (s, port) = try serve(site)
        let idle = (0..<300).map { _ in connectIdle(port) }
        defer { idle.forEach { close($0) } }
        let start = Date()
        let response = try helper.request(port, "/guidance/a.html")
        let elapsed = Date().timeIntervalSince(start)
        #expect(response.status == "HTTP/1.1 200 OK")
        #expect(elapsed < 1, "a GET took \(elapsed) s beside 300 idle connections")
        #expect(s.interrupt() == 0)
    }

    @Test("1,000 event streams opened and closed leave the server's descriptors where they were")
    func streamsReleased() throws {
        let site = try TestSite(["content/guidance/a.md": page("配信")])
        defer { site.cleanUp() }
        let (s, port) = try serve(site)
        let pid = s.process.processIdentifier
        _ = try helper.request(port, "/index.html")
        let baseline = descriptors(of: pid)
        for _ in 0..<1000 {
            let fd = try helper.connectAndSend(port, "/__portal/events")
            var buffer = [UInt8](repeating: 0, count: 256)
            _ = recv(fd, &buffer, buffer.count, 0)  // the stream's preamble: it is registered
            close(fd)
        }
        #expect(s.wait { descriptors(of: pid) <= baseline }, "descriptors: \(descriptors(of: pid)), baseline \(baseline)")
        #expect(try helper.request(port, "/index.html").status == "HTTP/1.1 200 OK")
        #expect(s.interrupt() == 0)
    }

    @Test("with descriptors exhausted under a low ulimit, the server keeps listening and answers once they free up")
    func descriptorsExhausted() throws {
        let site = try TestSite(["content/guidance/a.md": page("配信")])
        defer { site.cleanUp() }
        let (s, port) = try serve(site, shell: "ulimit -n 48")
        let pid = s.process.processIdentifier
        let idle = (0..<120).map { _ in connectIdle(port) }
        #expect(s.wait { descriptors(of: pid) >= 30 }, "the server took as many connections as its limit allows")
        idle.forEach { close($0) }
        var answered = false
        let deadline = Date().addingTimeInterval(15)
        while !answered, Date() < deadline {
            answered = (try? helper.request(port, "/guidance/a.html"))?.status == "HTTP/1.1 200 OK"
        }
        #expect(answered)
        #expect(s.process.isRunning)
        #expect(s.interrupt() == 0)
    }

    @Test("only this machine's names in Host are answered; a folder without its slash is redirected")
    func hostAndRedirect() throws {
        let site = try TestSite(["content/guidance/a.md": page("配信")])
        defer { site.cleanUp() }
        let (s, port) = try serve(site)
        #expect(try raw(port, "GET /search-index.json HTTP/1.1\r\nHost: evil.example\r\n\r\n").first == "HTTP/1.1 403 Forbidden")
        #expect(try raw(port, "GET /__portal/events HTTP/1.1\r\nHost: evil.example:\(port)\r\n\r\n").first == "HTTP/1.1 403 Forbidden")
        #expect(try raw(port, "GET /index.html HTTP/1.1\r\n\r\n").first == "HTTP/1.1 403 Forbidden")
        for host in ["localhost:\(port)", "127.0.0.1:\(port)", "LOCALHOST", "[::1]:\(port)"] {
            #expect(try raw(port, "GET /index.html HTTP/1.1\r\nHost: \(host)\r\n\r\n").first == "HTTP/1.1 200 OK", "\(host)")
        }
        let redirect = try raw(port, "GET /guidance?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(redirect.first == "HTTP/1.1 301 Moved Permanently")
        #expect(redirect.contains("Location: /guidance/?x=1"))
        #expect(try raw(port, "GET /guidance/ HTTP/1.1\r\nHost: localhost\r\n\r\n").first == "HTTP/1.1 200 OK")
        #expect(s.interrupt() == 0)
    }
}
