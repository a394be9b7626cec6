import Dispatch
import Foundation
import InboxClient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The outcome of one data task, handed from the session's completion queue to the caller
/// that blocks in `URLSessionTransport.send`.
///
/// `finish` writes once, then signals; `wait` reads only after that signal, which orders
/// the write before the read. A caller that gave up (timeout) never reads.
final class TaskOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data: Data?
    private var urlResponse: URLResponse?
    private var error: (any Error)?

    /// The data task's completion handler.
    func finish(data: Data?, response: URLResponse?, error: (any Error)?) {
        self.data = data
        self.urlResponse = response
        self.error = error
        done.signal()
    }

    /// Waits for `finish`; false when the deadline came first.
    func wait(until deadline: DispatchTime) -> Bool {
        done.wait(timeout: deadline) == .success
    }

    /// The response, or the task's error as a `TransportError`. Call after `wait`.
    func response(timeout: Double) throws(TransportError) -> TransportResponse {
        if let error {
            throw Self.classify(error, timeout: timeout)
        }
        guard let http = urlResponse as? HTTPURLResponse else {
            throw TransportError(.other, "not an HTTP response")
        }
        var headers: [String: String] = [:]
        headers.reserveCapacity(http.allHeaderFields.count)
        for case (let name as String, let value as String) in http.allHeaderFields {
            headers[name] = value
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data ?? Data())
    }

    /// Maps URLSession's errors onto the kinds the client's retry rules rely on.
    ///
    /// Only a refused or unresolved connection is `.cannotConnect`: the request never left,
    /// so even an unsafe send may be retried. A connection that broke once open may have
    /// delivered the request, so it is `.connectionLost`.
    static func classify(_ error: any Error, timeout: Double) -> TransportError {
        guard let urlError = error as? URLError else {
            return TransportError(.other, "network error")
        }
        switch urlError.code {
        case .timedOut:
            return TransportError(.timedOut, "no response after \(timeout) s")
        case .cancelled:
            return TransportError(.cancelled)
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed:
            return TransportError(.cannotConnect, "cannot connect to the server")
        case .networkConnectionLost, .badServerResponse, .zeroByteResource:
            return TransportError(.connectionLost, "the connection was lost")
        default:
            return TransportError(.other, "URL error \(urlError.code.rawValue)")
        }
    }
}
