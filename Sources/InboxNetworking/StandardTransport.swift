import InboxClient

/// The transport a program uses by default: `PlainHTTPTransport` for `http://` (the
/// emulator or a proxy on loopback), `URLSessionTransport` for `https://` (the live API).
public final class StandardTransport: HTTPTransport, Sendable {
    private let plain = PlainHTTPTransport()
    private let secure = URLSessionTransport()

    /// A transport for both schemes.
    public init() {}

    /// Sends through the transport for the URL's scheme.
    public func send(_ request: TransportRequest, cancellation: CancellationToken)
        throws(TransportError) -> TransportResponse
    {
        if request.url.hasPrefix("http://") {
            return try plain.send(request, cancellation: cancellation)
        }
        return try secure.send(request, cancellation: cancellation)
    }
}
