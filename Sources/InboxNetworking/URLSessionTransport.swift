import Foundation
import InboxClient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// HTTP and HTTPS over one `URLSession`: TLS, kept-alive connections, a deadline per
/// attempt, and prompt cancellation through the client's `CancellationToken`.
///
/// The session lives as long as the transport, so its connection pool (libcurl's, on Linux)
/// carries one connection from request to request: a client paging sequentially opens one
/// connection per host, not one per page.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession

    /// A transport with its own session; `maxConnections` caps connections per host.
    public init(maxConnections: Int = 4) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maxConnections
        // HTTP/1.1 pipelining stays off, the default (its setter is deprecated): one slow
        // answer would hold up the requests queued behind it.
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil

        // Completion handlers only store the outcome and wake the caller: one named serial
        // queue is enough. (Measured in release: the session's default queue, a concurrent
        // one, one over a DispatchQueue, or `data(for:)` cost the same per request.)
        let completions = OperationQueue()
        completions.name = "URLSessionTransport.completions"
        completions.maxConcurrentOperationCount = 1
        session = URLSession(
            configuration: configuration, delegate: nil, delegateQueue: completions)
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
        let deadline = DispatchTime.now() + request.timeout
        var urlRequest = URLRequest(url: url, timeoutInterval: Self.idleTimeout(request.timeout))
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }

        let outcome = TaskOutcome()
        let task = session.dataTask(with: urlRequest, completionHandler: outcome.finish)
        let handler = cancellation.onCancel { task.cancel() }
        defer { cancellation.removeHandler(handler) }
        task.resume()

        guard outcome.wait(until: deadline) else {
            task.cancel()
            throw TransportError(.timedOut, "no response after \(request.timeout) s")
        }
        if cancellation.isCancelled { throw TransportError(.cancelled) }
        return try outcome.response(timeout: request.timeout)
    }

    /// The timeout the request carries, a whole-second backstop behind the deadline `send`
    /// keeps itself.
    ///
    /// The deadline is what bounds an attempt: FoundationNetworking on Linux ignores a
    /// request's `timeoutInterval` (Swift 6.3), and older releases cut it to whole seconds,
    /// turning 0.3 s into 1 ms.
    static func idleTimeout(_ seconds: Double) -> Double {
        (max(seconds, 0) + 1).rounded(.up)
    }
}
