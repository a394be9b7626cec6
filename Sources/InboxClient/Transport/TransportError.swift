/// Why a transport produced no response.
public struct TransportError: Swift.Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: String, Sendable, Hashable {
        /// The server could not be reached; the request was never sent.
        case cannotConnect
        /// The connection broke after the request may have been sent.
        case connectionLost
        /// No complete response within the timeout.
        case timedOut
        /// The caller cancelled the wait.
        case cancelled
        /// Any other failure (TLS, bad URL, ...).
        case other
    }

    /// The kind of failure.
    public var kind: Kind
    /// A short human-readable detail (never the token).
    public var detail: String

    /// A transport failure.
    public init(_ kind: Kind, _ detail: String = "") {
        self.kind = kind
        self.detail = detail
    }

    /// Whether the server may have received and acted on the request.
    public var requestMayHaveBeenSent: Bool {
        kind != .cannotConnect
    }

    /// A description such as `timedOut: no response after 0.3 s`.
    public var description: String {
        detail.isEmpty ? kind.rawValue : "\(kind.rawValue): \(detail)"
    }
}
