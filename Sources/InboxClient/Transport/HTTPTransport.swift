/// Sends one HTTP request and returns the response, whatever its status.
///
/// Implementations: `URLSessionTransport` (target InboxNetworking) for real HTTP, and any
/// in-process server (the emulator). A transport does not retry; the client does.
public protocol HTTPTransport: Sendable {
    /// Sends the request and waits for the whole response.
    ///
    /// Throws `TransportError` when no response arrives: the connection failed or dropped,
    /// the attempt took longer than `request.timeout`, or `cancellation` was tripped
    /// (which must end the wait promptly).
    func send(_ request: TransportRequest, cancellation: CancellationToken) throws(TransportError)
        -> TransportResponse
}
