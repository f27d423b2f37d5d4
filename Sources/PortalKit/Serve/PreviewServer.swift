import Foundation
import Synchronization

public struct ServeError: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// The same in Japanese, where the cause is one an editor can act on.
    public var japanese: String?

    public func text(_ language: MessageLanguage) -> String { language == .ja ? japanese ?? description : description }
}

/// A small HTTP/1.1 server for previewing output/ on this machine, written on plain sockets:
/// a preview needs GET, HEAD and one event stream, and a server framework would add minutes to
/// every cold build (see the README).
///
/// One thread runs every connection with `poll()`, none blocks: a client that sends nothing, or
/// slowly, or reads slowly, holds only its own buffers, never a thread, so it cannot starve the
/// others. A request's head must arrive within `headDeadline`; live-reload streams are watched
/// for hang-ups and pinged, and closed when their reader is gone; when the process runs out of
/// descriptors the listener rests briefly and accepting resumes. Only requests naming this
/// machine in `Host` are answered (DNS rebinding), and a folder asked for without its slash is
/// redirected to it, so its relative links work.
public final class PreviewServer: Sendable {
    public let port: Int
    public let host: String
    private let files: StaticFiles
    private let listener: Int32
    /// Events to send to every stream, handed from other threads to the loop.
    private let pending = Mutex<[String]>([])
    /// The loop's wake-up: a byte written here makes `poll` return.
    private let wake: (read: Int32, write: Int32)
    private let allowedHosts: Set<String>?

    /// Time to receive a request's head; idle and slow clients are closed after it.
    public static let headDeadline: Duration = .seconds(5)
    /// A comment line on every stream this often: a reader that is gone shows up as an error.
    static let heartbeat: Duration = .seconds(15)
    /// A stream whose reader has stopped reading is dropped past this much unsent data.
    static let streamBacklog = 1 << 20

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
            throw ServeError(description: "cannot listen on '\(host)': not an address of this machine",
                             japanese: "'\(host)' はこのマシンのアドレスではないので、待ち受けできません")
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
                throw ServeError(description: "port \(port) on \(host) is already in use: stop the other server or choose another port with --port",
                                 japanese: "\(host) のポート \(port) はほかのプログラムが使っています。そちらを止めるか、--port で別の番号を指定してください")
            }
            throw ServeError(description: "cannot listen on \(host):\(port): \(String(cString: strerror(code)))")
        }
        guard listen(fd, 128) == 0 else {
            close(fd)
            throw ServeError(description: "cannot listen on \(host):\(port): \(String(cString: strerror(errno)))")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
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
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(fd)
            throw ServeError(description: "cannot create the server's wake-up pipe: \(String(cString: strerror(errno)))")
        }
        for end in pipeEnds { ServerLoop.nonBlocking(end) }
        self.wake = (pipeEnds[0], pipeEnds[1])
        self.listener = fd
        self.port = boundPort
        self.allowedHosts = HostCheck.allowed(listeningOn: host)
    }

    public var url: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }

    /// Serves on a thread of its own until the process ends.
    public func start() {
        let thread = Thread { [self] in
            var loop = ServerLoop(server: self)
            loop.run()
        }
        thread.start()
    }

    /// Tells every open page: reload, or here are the errors of the failed rebuild.
    public func broadcast(_ event: String) {
        pending.withLock { $0.append(event) }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    /// The loop's side: what was broadcast since it last looked.
    fileprivate func takePending() -> [String] {
        var drain = [UInt8](repeating: 0, count: 64)
        while read(wake.read, &drain, drain.count) > 0 {}
        return pending.withLock { events in
            defer { events = [] }
            return events
        }
    }

    fileprivate var listenerFD: Int32 { listener }
    fileprivate var wakeFD: Int32 { wake.read }

    /// What a complete request head is answered with: the bytes to send, and whether the
    /// connection then stays open as an event stream.
    fileprivate func answer(_ head: String) -> (bytes: [UInt8], stream: Bool) {
        let lines = head.components(separatedBy: "\r\n")
        let parts = (lines.first ?? "").split(separator: " ")
        guard parts.count == 3 else { return (response("400 Bad Request", "text/plain; charset=utf-8", Array("bad request\n".utf8)), false) }
        let method = String(parts[0]), target = String(parts[1])
        let hostHeader = lines.dropFirst().first { $0.lowercased().hasPrefix("host:") }.map { String($0.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
        guard HostCheck.accepts(hostHeader, allowed: allowedHosts) else {
            return (response("403 Forbidden", "text/plain; charset=utf-8",
                             Array("this preview answers only requests for this machine (Host: localhost, 127.0.0.1 or --host)\n".utf8)), false)
        }
        guard method == "GET" || method == "HEAD" else {
            return (response("405 Method Not Allowed", "text/plain; charset=utf-8", Array("only GET and HEAD\n".utf8), extra: "Allow: GET, HEAD\r\n"), false)
        }
        let headOnly = method == "HEAD"
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        if path == LiveReload.eventsPath {
            let headers = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n"
            return (Array(headers.utf8), true)
        }
        if path == LiveReload.scriptPath {
            return (response("200 OK", "text/javascript; charset=utf-8", Array(LiveReload.script.utf8), headOnly: headOnly), false)
        }
        switch files.resolve(target) {
        case .notFound:
            return (response("404 Not Found", "text/html; charset=utf-8",
                             Array("<!DOCTYPE html><html lang=\"ja\"><meta charset=\"utf-8\"><title>404</title><p>ページが見つかりません（404）。</p></html>\n".utf8),
                             headOnly: headOnly), false)
        case .redirect(let location):
            return (response("301 Moved Permanently", "text/plain; charset=utf-8", Array("moved to \(location)\n".utf8),
                             headOnly: headOnly, extra: "Location: \(location)\r\n"), false)
        case .file(let filePath, let type):
            guard let data = FileManager.default.contents(atPath: filePath) else {
                return (response("404 Not Found", "text/plain; charset=utf-8", Array("not found\n".utf8), headOnly: headOnly), false)
            }
            var body = Array(data)
            if type.hasPrefix("text/html") {
                body = Array(LiveReload.inject(into: String(decoding: data, as: UTF8.self)).utf8)
            }
            return (response("200 OK", type, body, headOnly: headOnly), false)
        }
    }

    private func response(_ status: String, _ type: String, _ body: [UInt8], headOnly: Bool = false, extra: String = "") -> [UInt8] {
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\(extra)Connection: close\r\n\r\n"
        return Array(head.utf8) + (headOnly ? [] : body)
    }
}

/// The Host names a preview answers to: the loopback names, and what `--host` said. Listening
/// on every interface (0.0.0.0, ::) the names cannot be known, and any is accepted.
enum HostCheck {
    static func allowed(listeningOn host: String) -> Set<String>? {
        if host == "0.0.0.0" || host == "::" || host.isEmpty { return nil }
        return ["localhost", "127.0.0.1", "::1", host.lowercased()]
    }

    static func accepts(_ header: String?, allowed: Set<String>?) -> Bool {
        guard let allowed else { return true }
        guard var name = header?.lowercased(), !name.isEmpty else { return false }
        if name.hasPrefix("[") {
            guard let end = name.firstIndex(of: "]") else { return false }
            let after = name[name.index(after: end)...]
            guard after.isEmpty || (after.hasPrefix(":") && after.dropFirst().allSatisfy(\.isNumber)) else { return false }
            name = String(name[name.index(after: name.startIndex)..<end])
        } else if let colon = name.lastIndex(of: ":") {
            guard name[name.index(after: colon)...].allSatisfy(\.isNumber) else { return false }
            name = String(name[..<colon])
        }
        if name.hasSuffix(".") { name.removeLast() }
        return allowed.contains(name)
    }
}

/// The server's one thread: every connection's state, advanced by `poll`.
struct ServerLoop {
    enum State {
        case readingHead(deadline: ContinuousClock.Instant)
        case writing
        case stream
    }

    struct Connection {
        var state: State
        var input: [UInt8] = []
        var output: [UInt8] = []
        var sent = 0
        var closeWhenSent = false
        var unsent: Int { output.count - sent }
    }

    let server: PreviewServer
    var connections: [Int32: Connection] = [:]
    /// Until then the listener rests (the process ran out of descriptors).
    var restUntil: ContinuousClock.Instant? = nil
    var nextPing = ContinuousClock.now + PreviewServer.heartbeat
    /// Fewer connections than descriptors, so a stream can always be closed and a file opened.
    let maximum: Int = {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        return max(8, min(Int(limit.rlim_cur) - 16, 4096))
    }()

    init(server: PreviewServer) { self.server = server }

    /// POLLRDHUP (Linux, not exported to Swift): the peer closed its side.
    static let pollReadHangUp: Int16 = 0x2000

    static func nonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
    }

    mutating func run() {
        while true { step() }
    }

    mutating func step() {
        let now = ContinuousClock.now
        var fds = [pollfd(fd: server.wakeFD, events: Int16(POLLIN), revents: 0)]
        let listening = (restUntil.map { now >= $0 } ?? true) && connections.count < maximum
        if listening {
            restUntil = nil
            fds.append(pollfd(fd: server.listenerFD, events: Int16(POLLIN), revents: 0))
        }
        for (fd, c) in connections {
            var events = Int16(POLLIN) | Self.pollReadHangUp
            if c.unsent > 0 { events |= Int16(POLLOUT) }
            fds.append(pollfd(fd: fd, events: events, revents: 0))
        }
        var timeout = nextPing - now
        if let restUntil { timeout = min(timeout, restUntil - now) }
        for c in connections.values { if case .readingHead(let deadline) = c.state { timeout = min(timeout, deadline - now) } }
        let ms = Int32(max(0, min(60_000, (timeout.seconds * 1000).rounded(.up))))
        let ready = poll(&fds, nfds_t(fds.count), ms)
        if ready < 0 && errno != EINTR { return }
        for p in fds where p.revents != 0 {
            if p.fd == server.wakeFD {
                for event in server.takePending() { broadcast(Array(event.utf8)) }
            } else if p.fd == server.listenerFD {
                acceptAll()
            } else {
                service(p.fd, revents: p.revents)
            }
        }
        expire()
    }

    /// Takes every waiting connection; out of descriptors, rests a moment and tries again later.
    mutating func acceptAll() {
        while connections.count < maximum {
            let fd = accept(server.listenerFD, nil, nil)
            if fd >= 0 {
                Self.nonBlocking(fd)
                connections[fd] = Connection(state: .readingHead(deadline: .now + PreviewServer.headDeadline))
                continue
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO: continue
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: restUntil = .now + .milliseconds(100); return
            default: return  // EAGAIN: nothing more waiting
            }
        }
    }

    mutating func service(_ fd: Int32, revents: Int16) {
        guard var c = connections[fd] else { return }
        if revents & (Int16(POLLERR) | Int16(POLLNVAL)) != 0 { return drop(fd) }
        if revents & (Int16(POLLIN) | Int16(POLLHUP) | Self.pollReadHangUp) != 0 {
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { return drop(fd) }  // hung up
            if n > 0, case .readingHead = c.state {
                c.input += buffer[0..<n]
                if let end = Self.headEnd(c.input) {
                    let head = String(decoding: c.input[..<end], as: UTF8.self)
                    let (bytes, stream) = server.answer(head)
                    c.output = bytes
                    c.sent = 0
                    c.state = stream ? .stream : .writing
                    c.closeWhenSent = !stream
                    c.input = []
                } else if c.input.count > 16 * 1024 {
                    return drop(fd)
                }
            }
            // Bytes a stream's reader sends, or more after a request, are not read further.
        }
        connections[fd] = c
        flush(fd)
    }

    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i
        }
        return nil
    }

    /// Sends what the socket takes now; the rest waits for POLLOUT.
    mutating func flush(_ fd: Int32) {
        guard var c = connections[fd] else { return }
        while c.unsent > 0 {
            let n = c.output.withUnsafeBytes { send(fd, $0.baseAddress! + c.sent, c.unsent, Int32(MSG_NOSIGNAL)) }
            if n > 0 { c.sent += n; continue }
            if n < 0 && (errno == EAGAIN || errno == EINTR) { break }
            return drop(fd)
        }
        if c.unsent == 0 {
            if c.closeWhenSent { return drop(fd) }
            c.output = []
            c.sent = 0
        } else if case .stream = c.state, c.unsent > PreviewServer.streamBacklog {
            return drop(fd)
        }
        connections[fd] = c
    }

    mutating func broadcast(_ bytes: [UInt8]) {
        for (fd, c) in connections {
            guard case .stream = c.state else { continue }
            connections[fd]?.output += bytes
            flush(fd)
        }
    }

    /// Closes heads that did not arrive in time, and pings the streams.
    mutating func expire() {
        let now = ContinuousClock.now
        for (fd, c) in connections {
            if case .readingHead(let deadline) = c.state, now >= deadline { drop(fd) }
        }
        if now >= nextPing {
            nextPing = now + PreviewServer.heartbeat
            broadcast(Array(": ping\n\n".utf8))
        }
    }

    mutating func drop(_ fd: Int32) {
        connections[fd] = nil
        close(fd)
    }
}
