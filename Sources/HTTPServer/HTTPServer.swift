import CMicroHTTPD
import Synchronization

/// An HTTP/1.1 server on a local address, built on GNU libmicrohttpd.
///
/// libmicrohttpd parses HTTP; this type adapts its callbacks to one Swift
/// handler. Each connection gets its own thread, so a handler that sleeps
/// delays only its own client. The server stops when ``stop()`` is called or
/// when the value is released.
public final class HTTPServer: Sendable {
    /// The address the server listens on.
    public let host: String
    /// The port the server listens on (the real one when 0 was asked for).
    public let port: UInt16
    /// The largest request body passed to the handler; longer ones are
    /// dropped and flagged with ``HTTPRequest/bodyExceedsLimit``.
    public let maxBodyBytes: Int

    private let daemon: Mutex<OpaquePointer?>
    private let context: Unmanaged<ServerContext>

    /// Starts serving `handler` on `host:port`; port 0 picks a free port.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        maxBodyBytes: Int = 1 << 20,
        connectionTimeoutSeconds: UInt32 = 30,
        handler: @escaping HTTPHandler
    ) throws(HTTPServerError) {
        let context = Unmanaged.passRetained(
            ServerContext(handler: handler, maxBodyBytes: maxBodyBytes)
        )
        let opaque = context.toOpaque()
        guard
            let daemon = inbox_mhd_start(
                host, port, accessHandler, opaque, uriHook, opaque,
                requestCompleted, opaque, connectionTimeoutSeconds, 256)
        else {
            context.release()
            throw HTTPServerError(
                host: host, port: port,
                reason: "the address is not IPv4, or the port is taken")
        }
        self.host = host
        self.port = inbox_mhd_bound_port(daemon)
        self.maxBodyBytes = maxBodyBytes
        self.daemon = Mutex(daemon)
        self.context = context
    }

    deinit {
        stop()
        context.release()
    }

    /// The base URL of the server, such as `http://127.0.0.1:8080`.
    public var baseURL: String { "http://\(host):\(port)" }

    /// Stops accepting connections and waits for running handlers to return.
    /// Calling it again does nothing.
    public func stop() {
        let running = daemon.withLock { daemon in
            defer { daemon = nil }
            return daemon
        }
        if let running {
            MHD_stop_daemon(running)
        }
    }
}

// MARK: - State shared with the C callbacks

/// What every callback of one server needs; passed to C as an opaque pointer.
private final class ServerContext: Sendable {
    let handler: HTTPHandler
    let maxBodyBytes: Int

    init(handler: @escaping HTTPHandler, maxBodyBytes: Int) {
        self.handler = handler
        self.maxBodyBytes = maxBodyBytes
    }
}

/// One request in progress. libmicrohttpd touches it from the connection's
/// thread only, between the URI hook and the completion callback.
private final class RequestState {
    let rawURI: String
    var body: [UInt8] = []
    var bodyExceedsLimit = false
    var headersSeen = false

    init(rawURI: String) {
        self.rawURI = rawURI
    }
}

// MARK: - Callbacks

/// Runs first for every request, with the URI exactly as sent. Its result
/// becomes the request's context pointer (libmicrohttpd's
/// MHD_OPTION_URI_LOG_CALLBACK contract), which is how the raw query reaches
/// the handler undecoded.
private func uriHook(
    _ context: UnsafeMutableRawPointer?,
    _ uri: UnsafePointer<CChar>?,
    _ connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    let state = RequestState(rawURI: uri.map { String(cString: $0) } ?? "/")
    return Unmanaged.passRetained(state).toOpaque()
}

/// Releases the request's state once libmicrohttpd is done with it.
private func requestCompleted(
    _ context: UnsafeMutableRawPointer?,
    _ connection: OpaquePointer?,
    _ requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    _ reason: MHD_RequestTerminationCode
) {
    guard let requestContext, let pointer = requestContext.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(pointer).release()
    requestContext.pointee = nil
}

/// Called once when the headers are in, once per body chunk, and a last time
/// with no data, when the response is due. Answering on the first call would
/// leave the body unread.
private func accessHandler(
    _ context: UnsafeMutableRawPointer?,
    _ connection: OpaquePointer?,
    _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?,
    _ version: UnsafePointer<CChar>?,
    _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?,
    _ requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let context, let connection, let uploadDataSize,
        let statePointer = requestContext?.pointee
    else { return .NO }
    let server = Unmanaged<ServerContext>.fromOpaque(context).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(statePointer).takeUnretainedValue()

    if !state.headersSeen {
        state.headersSeen = true
        // A declared length over the limit is answered now, body unread:
        // waiting for it would hold the connection until the client gave up
        // (or forever, for a body never sent). libmicrohttpd closes the
        // connection after this early response.
        guard let declared = headers(of: connection)["content-length"].flatMap({ UInt64($0) }),
            declared > UInt64(server.maxBodyBytes)
        else { return .YES }
        state.bodyExceedsLimit = true
    } else if uploadDataSize.pointee > 0 {
        let count = uploadDataSize.pointee
        if state.body.count + count > server.maxBodyBytes {
            state.bodyExceedsLimit = true
            state.body = []
        } else if let uploadData, !state.bodyExceedsLimit {
            uploadData.withMemoryRebound(to: UInt8.self, capacity: count) {
                state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
            }
        }
        uploadDataSize.pointee = 0
        return .YES
    }

    let request = makeRequest(
        connection: connection, method: method.map { String(cString: $0) } ?? "GET",
        state: state)
    switch server.handler(request) {
    case .dropConnection:
        return .NO
    case .respond(let response):
        return queue(response, on: connection)
    }
}

// MARK: - Requests and responses

private func makeRequest(
    connection: OpaquePointer, method: String, state: RequestState
) -> HTTPRequest {
    let (rawPath, rawQuery) = splitURI(state.rawURI)
    return HTTPRequest(
        method: method,
        path: FormDecoding.decode(rawPath, plusIsSpace: false),
        rawPath: rawPath,
        rawQuery: rawQuery,
        headers: headers(of: connection),
        body: state.body,
        bodyExceedsLimit: state.bodyExceedsLimit
    )
}

private func splitURI(_ uri: String) -> (path: String, query: String) {
    guard let mark = uri.firstIndex(of: "?") else { return (uri, "") }
    return (String(uri[..<mark]), String(uri[uri.index(after: mark)...]))
}

/// Collects the request headers through libmicrohttpd's iterator.
private func headers(of connection: OpaquePointer) -> [String: String] {
    final class Collector {
        var headers: [String: String] = [:]
    }
    let collector = Collector()
    withExtendedLifetime(collector) {
        let pointer = Unmanaged.passUnretained(collector).toOpaque()
        _ = MHD_get_connection_values(
            connection, .HEADER_KIND,
            { pointer, _, key, value in
                guard let pointer, let key else { return .YES }
                let collector = Unmanaged<Collector>.fromOpaque(pointer)
                    .takeUnretainedValue()
                let name = String(cString: key).lowercased()
                let text = value.map { String(cString: $0) } ?? ""
                if let earlier = collector.headers[name] {
                    collector.headers[name] = earlier + ", " + text
                } else {
                    collector.headers[name] = text
                }
                return .YES
            }, pointer)
    }
    return collector.headers
}

private func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
    let created = response.body.withUnsafeBytes { bytes in
        // MUST_COPY: libmicrohttpd keeps its own copy, so the Swift array
        // may go away as soon as this returns.
        MHD_create_response_from_buffer(
            bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
            .RESPMEM_MUST_COPY)
    }
    guard let created else { return .NO }
    defer { MHD_destroy_response(created) }
    for header in response.headers {
        _ = MHD_add_response_header(created, header.name, header.value)
    }
    return MHD_queue_response(connection, UInt32(response.status), created)
}
