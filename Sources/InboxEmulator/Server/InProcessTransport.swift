import FoundationEssentials
import HTTPServer
import InboxClient

/// An `HTTPTransport` that hands each request straight to an emulator's
/// router: no sockets, the same rules as over HTTP.
public struct InProcessTransport: HTTPTransport {
    /// The router answering the requests.
    public let router: EmulatorRouter

    /// A transport into `router`.
    public init(router: EmulatorRouter) { self.router = router }

    /// Answers `request` through the router; fails only when already cancelled.
    public func send(_ request: TransportRequest, cancellation: CancellationToken)
        throws(TransportError) -> TransportResponse
    {
        guard !cancellation.isCancelled else { throw TransportError(.cancelled) }
        var headers: [String: String] = [:]
        for header in request.headers { headers[header.name.lowercased()] = header.value }
        // Decoded as libmicrohttpd decodes the path for EmulatorServer.
        let path =
            URL(string: "http://emulator" + request.path)?.path(percentEncoded: false)
            ?? request.path
        let response = router.handle(
            HTTPRequest(
                method: request.method, path: path, rawPath: request.path,
                rawQuery: request.query ?? "",
                headers: headers, body: Array(request.body ?? Data())))
        var responseHeaders: [String: String] = [:]
        for header in response.headers { responseHeaders[header.name] = header.value }
        return TransportResponse(
            status: response.status, headers: responseHeaders, body: Data(response.body))
    }
}
