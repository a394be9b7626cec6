import Foundation
import InboxClient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// HTTP over `URLSession`: TLS, connection reuse (one session per transport), a timeout
/// per attempt, and prompt cancellation through the client's `CancellationToken`.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession

    /// A transport with its own session; `maxConnections` caps connections per host.
    public init(maxConnections: Int = 4) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maxConnections
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// Sends the request and blocks until the response, a failure, the timeout, or
    /// cancellation.
    public func send(_ request: TransportRequest, cancellation: CancellationToken)
        throws(TransportError) -> TransportResponse
    {
        guard let url = URL(string: request.url) else {
            throw TransportError(.other, "invalid URL")
        }
        var urlRequest = URLRequest(url: url, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }

        let box = Outcome()
        let task = session.dataTask(with: urlRequest) { data, response, error in
            box.finish(data: data, response: response, error: error)
        }
        let handler = cancellation.onCancel { task.cancel() }
        defer { cancellation.removeHandler(handler) }
        task.resume()
        // The session's own timeout covers idle gaps; this deadline bounds the whole attempt.
        let finished = box.wait(seconds: request.timeout + 1)
        if !finished {
            task.cancel()
            throw TransportError(.timedOut, "no response after \(request.timeout) s")
        }
        if cancellation.isCancelled { throw TransportError(.cancelled) }
        return try box.result(timeout: request.timeout)
    }
}

/// The outcome of one data task, handed from URLSession's queue to the waiting caller.
private final class Outcome: @unchecked Sendable {
    private let condition = NSCondition()
    private var done = false
    private var data: Data?
    private var response: URLResponse?
    private var error: (any Error)?

    func finish(data: Data?, response: URLResponse?, error: (any Error)?) {
        condition.lock()
        self.data = data
        self.response = response
        self.error = error
        done = true
        condition.broadcast()
        condition.unlock()
    }

    func wait(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !done {
            if !condition.wait(until: deadline) { return done }
        }
        return true
    }

    func result(timeout: Double) throws(TransportError) -> TransportResponse {
        if let error {
            throw Self.classify(error, timeout: timeout)
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(.other, "not an HTTP response")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            headers[String(describing: name)] = String(describing: value)
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data ?? Data())
    }

    private static func classify(_ error: any Error, timeout: Double) -> TransportError {
        let code = (error as? URLError)?.code
        switch code {
        case .timedOut?: return TransportError(.timedOut, "no response after \(timeout) s")
        case .cancelled?: return TransportError(.cancelled)
        case .cannotConnectToHost?, .cannotFindHost?, .dnsLookupFailed?:
            return TransportError(.cannotConnect, "cannot connect to the server")
        case .networkConnectionLost?, .badServerResponse?, .zeroByteResource?:
            return TransportError(.connectionLost, "the connection was lost")
        default:
            return TransportError(
                .other,
                (error as? URLError).map { "URL error \($0.code.rawValue)" }
                    ?? "network error")
        }
    }
}
