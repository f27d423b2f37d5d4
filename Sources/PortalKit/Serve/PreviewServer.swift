import Foundation
import Synchronization

public struct ServeError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// A small HTTP/1.1 server for previewing output/ on this machine, written on plain sockets:
/// a preview needs GET, HEAD and one event stream, and a server framework would add minutes to
/// every cold build (see the README). Each connection is served on its own and closed, except the
/// live-reload event streams, which stay open to be told about rebuilds.
public final class PreviewServer: Sendable {
    public let port: Int
    public let host: String
    private let files: StaticFiles
    private let listener: Int32
    private let streams = Mutex<[Int32]>([])

    public init(host: String, port: Int, root: URL) throws(ServeError) {
        signal(SIGPIPE, SIG_IGN)
        self.host = host
        self.files = StaticFiles(root: root)
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else {
            throw ServeError(description: "cannot listen on '\(host)': not an address of this machine")
        }
        defer { freeaddrinfo(info) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw ServeError(description: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            let code = errno
            close(fd)
            if code == EADDRINUSE {
                throw ServeError(description: "port \(port) on \(host) is already in use: stop the other server or choose another port with --port")
            }
            throw ServeError(description: "cannot listen on \(host):\(port): \(String(cString: strerror(code)))")
        }
        guard listen(fd, 64) == 0 else {
            close(fd)
            throw ServeError(description: "cannot listen on \(host):\(port): \(String(cString: strerror(errno)))")
        }
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) } }
        let family = Int32(address.ss_family)
        let boundPort: Int = withUnsafePointer(to: &address) { pointer in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
        self.listener = fd
        self.port = boundPort
    }

    public var url: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }

    /// Accepts connections on a thread of its own until the process ends.
    public func start() {
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    return
                }
                DispatchQueue.global().async { self.handle(client) }
            }
        }
        thread.start()
    }

    /// Tells every open page: reload, or here are the errors of the failed rebuild.
    public func broadcast(_ event: String) {
        let bytes = Array(event.utf8)
        streams.withLock { fds in
            fds = fds.filter { fd in
                let ok = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
                if !ok { close(fd) }
                return ok
            }
        }
    }

    private func handle(_ fd: Int32) {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let head = readHead(fd), let line = head.split(separator: "\r\n", maxSplits: 1).first else {
            close(fd)
            return
        }
        let parts = line.split(separator: " ")
        guard parts.count == 3 else { return respond(fd, status: "400 Bad Request", type: "text/plain; charset=utf-8", body: Array("bad request\n".utf8)) }
        let method = String(parts[0]), target = String(parts[1])
        guard method == "GET" || method == "HEAD" else {
            return respond(fd, status: "405 Method Not Allowed", type: "text/plain; charset=utf-8", body: Array("only GET and HEAD\n".utf8), extra: "Allow: GET, HEAD\r\n")
        }
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        if path == LiveReload.eventsPath {
            let headers = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n"
            let bytes = Array(headers.utf8)
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            streams.withLock { $0.append(fd) }
            return
        }
        if path == LiveReload.scriptPath {
            return respond(fd, status: "200 OK", type: "text/javascript; charset=utf-8", body: Array(LiveReload.script.utf8), headOnly: method == "HEAD")
        }
        switch files.resolve(target) {
        case .notFound:
            respond(fd, status: "404 Not Found", type: "text/html; charset=utf-8",
                    body: Array("<!DOCTYPE html><html lang=\"ja\"><meta charset=\"utf-8\"><title>404</title><p>ページが見つかりません（404）。</p></html>\n".utf8),
                    headOnly: method == "HEAD")
        case .file(let filePath, let type):
            guard let data = FileManager.default.contents(atPath: filePath) else {
                return respond(fd, status: "404 Not Found", type: "text/plain; charset=utf-8", body: Array("not found\n".utf8))
            }
            var body = Array(data)
            if type.hasPrefix("text/html") {
                body = Array(LiveReload.inject(into: String(decoding: data, as: UTF8.self)).utf8)
            }
            respond(fd, status: "200 OK", type: type, body: body, headOnly: method == "HEAD")
        }
    }

    private func readHead(_ fd: Int32) -> String? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 16 * 1024 {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return nil }
            data.append(contentsOf: buffer[0..<n])
            if let text = String(validating: data, as: UTF8.self), text.contains("\r\n\r\n") { return text }
        }
        return nil
    }

    private func respond(_ fd: Int32, status: String, type: String, body: [UInt8], headOnly: Bool = false, extra: String = "") {
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\(extra)Connection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if !headOnly { bytes += body }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            offset += n
        }
        close(fd)
    }
}
