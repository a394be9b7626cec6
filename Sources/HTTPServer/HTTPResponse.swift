/// A response for the server to send.
public struct HTTPResponse: Sendable {
    /// The status code, such as 200.
    public var status: Int
    /// Header names and values, sent in this order.
    public var headers: [(name: String, value: String)]
    /// The body bytes; empty for 204.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a JSON body and its content type.
    public static func json(
        _ status: Int,
        _ body: [UInt8],
        headers: [(name: String, value: String)] = []
    ) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [("Content-Type", "application/json")] + headers,
            body: body
        )
    }
}

/// What the server does with one request.
public enum HTTPServerReply: Sendable {
    /// Send this response.
    case respond(HTTPResponse)
    /// Close the connection without answering, as a failing network would.
    case dropConnection
}

/// The function that answers requests. The server calls it on one of its own
/// threads, one request at a time per connection, so it may block (a
/// deliberately slow answer simply sleeps).
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPServerReply
