/// A failed Inbox call: where (operation, method, path), why (status, the API's error code
/// and message), and what to quote (request id, a short body excerpt). Never the token.
public struct InboxError: Swift.Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: Sendable, Hashable {
        /// The API answered with an error status (see `status` and `code`).
        case api
        /// Still rate-limited (429) after waiting as long as allowed.
        case rateLimited
        /// No response: the connection failed, dropped or timed out.
        case transport(TransportError.Kind)
        /// A send failed in a way that leaves it unknown whether the message went out;
        /// the client does not retry it (v1 sends, v2 `sendUnconfirmed`).
        case mayHaveBeenDelivered
        /// The body was not the JSON expected (not JSON, cut short, or the wrong shape).
        case malformedResponse
        /// The configured API version has no such feature.
        case unsupported(APIVersion)
        /// Pagination returned a cursor it had already returned.
        case repeatedCursor
        /// The caller passed something the API cannot take.
        case invalidArgument
        /// The client is misconfigured (bad base URL, version, missing token).
        case configuration
        /// The caller cancelled the call.
        case cancelled
    }

    /// The kind of failure.
    public var kind: Kind
    /// The client operation, such as `threads` or `send`.
    public var operation: String
    /// A human-readable cause.
    public var message: String
    /// The HTTP method, when a request was involved.
    public var method: String?
    /// The request path relative to the base URL (no query), such as `/threads/abc`.
    public var path: String?
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// The API's error code (v1 `error.code`, v2 `code`), such as `threadNotFound`.
    public var code: String?
    /// The API's request id (v2 `requestId` or `X-Request-Id`).
    public var requestId: String?
    /// The API's error `details` (v2), when present.
    public var details: JSONValue?
    /// Seconds the API asked to wait before retrying, when it said.
    public var retryAfter: Double?
    /// The first few hundred characters of the response body.
    public var bodyExcerpt: String?

    /// An error; fields not given stay nil.
    public init(
        _ kind: Kind, operation: String, message: String, method: String? = nil,
        path: String? = nil, status: Int? = nil, code: String? = nil
    ) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.method = method
        self.path = path
        self.status = status
        self.code = code
    }

    /// One line such as
    /// `thread: GET /threads/x -> 404 threadNotFound: Thread not found (request req_1)`.
    public var description: String {
        var text = operation + ": "
        if let method, let path { text += "\(method) \(path) " }
        if let status { text += "-> \(status) " }
        if let code { text += "\(code): " }
        text += message
        if let requestId { text += " (request \(requestId))" }
        if let bodyExcerpt, code == nil, !bodyExcerpt.isEmpty { text += " body: \(bodyExcerpt)" }
        return text
    }

    /// The feature does not exist in the given API version.
    public static func unsupported(_ operation: String, _ version: APIVersion, _ feature: String)
        -> InboxError
    {
        InboxError(
            .unsupported(version), operation: operation,
            message: "\(feature) is not supported by API \(version.rawValue)")
    }

    /// The argument cannot be sent.
    public static func invalidArgument(_ operation: String, _ message: String) -> InboxError {
        InboxError(.invalidArgument, operation: operation, message: message)
    }

    /// Pagination handed back a cursor it had handed back before.
    public static func repeatedCursor(operation: String, cursor: PageCursor) -> InboxError {
        InboxError(
            .repeatedCursor, operation: operation,
            message: "the API returned the cursor \"\(cursor.value)\" twice; "
                + "stopping instead of looping")
    }
}
