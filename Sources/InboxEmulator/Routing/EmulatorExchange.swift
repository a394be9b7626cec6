import InboxClient

/// One request the router answered, as conformance tests record it.
public struct EmulatorExchange: Sendable {
    /// Which API the request addressed; nil for paths outside `/api/v1` and `/api/v2`.
    public let apiVersion: APIVersion?
    /// The request method.
    public let method: String
    /// The matched OpenAPI path template (`/threads/{threadId}`), or nil when no route matched.
    public let pathTemplate: String?
    /// The response status.
    public let status: Int
    /// The response body.
    public let body: [UInt8]
}
