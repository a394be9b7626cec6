import Foundation
import InboxClient

#if canImport(Glibc)
    import Glibc
#endif

/// HTTP/1.1 over plain TCP (no TLS), with kept-alive connections: the fast path to the
/// emulator or a proxy on loopback. `https` URLs are refused; use `URLSessionTransport`.
///
/// Each attempt is bounded by `request.timeout`; waits poll in short slices so a tripped
/// `CancellationToken` ends them within about 50 ms.
public final class PlainHTTPTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [String: [SocketConnection]] = [:]
    private let maxIdlePerHost: Int

    /// A transport keeping up to `maxIdlePerHost` idle connections per host.
    public init(maxIdlePerHost: Int = 4) {
        self.maxIdlePerHost = maxIdlePerHost
    }

    /// Sends the request over a kept-alive or new connection and reads the whole response.
    public func send(_ request: TransportRequest, cancellation: CancellationToken)
        throws(TransportError) -> TransportResponse
    {
        let target = try PlainURL(request.url)
        let deadline = Date(timeIntervalSinceNow: request.timeout)
        var connection: SocketConnection
        if let kept = takeIdle(target.authority) {
            connection = kept
        } else {
            connection = try SocketConnection(
                host: target.host, port: target.port,
                deadline: deadline, cancellation: cancellation)
        }
        do {
            try connection.write(
                requestBytes(request, target), deadline: deadline,
                cancellation: cancellation)
            var reader = ResponseReader(connection: connection)
            let (response, reusable) = try reader.read(
                method: request.method,
                deadline: deadline, cancellation: cancellation)
            if reusable { putIdle(connection, target.authority) } else { connection.close() }
            return response
        } catch {
            connection.close()
            throw error
        }
    }

    private func requestBytes(_ request: TransportRequest, _ target: PlainURL) -> [UInt8] {
        var head = "\(request.method) \(target.pathAndQuery) HTTP/1.1\r\n"
        head += "Host: \(target.authority)\r\n"
        for header in request.headers {
            head += "\(header.name): \(header.value)\r\n"
        }
        let body = request.body ?? Data()
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "Connection: keep-alive\r\n\r\n"
        return Array(head.utf8) + Array(body)
    }

    private func takeIdle(_ authority: String) -> SocketConnection? {
        lock.lock()
        defer { lock.unlock() }
        while let connection = idle[authority]?.popLast() {
            // A kept-alive connection the server has since closed reads as ready (EOF).
            if connection.isStillOpen { return connection }
            connection.close()
        }
        return nil
    }

    private func putIdle(_ connection: SocketConnection, _ authority: String) {
        lock.lock()
        defer { lock.unlock() }
        if idle[authority, default: []].count < maxIdlePerHost {
            idle[authority, default: []].append(connection)
        } else {
            connection.close()
        }
    }

    deinit {
        for connection in idle.values.joined() { connection.close() }
    }
}

/// The parts of an `http://host[:port]/path?query` URL the transport needs.
struct PlainURL {
    let host: String
    let port: UInt16
    let authority: String
    let pathAndQuery: String

    init(_ url: String) throws(TransportError) {
        guard url.hasPrefix("http://") else {
            throw TransportError(.other, "PlainHTTPTransport only speaks http://")
        }
        let rest = url.dropFirst("http://".count)
        let slash = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        authority = String(rest[..<slash])
        let path = String(rest[slash...].prefix { $0 != "#" })
        pathAndQuery = path.isEmpty ? "/" : (path.hasPrefix("?") ? "/" + path : path)
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            host = String(authority[..<colon])
            guard let port = UInt16(authority[authority.index(after: colon)...]) else {
                throw TransportError(.other, "invalid port in URL")
            }
            self.port = port
        } else {
            host = authority
            port = 80
        }
    }
}
