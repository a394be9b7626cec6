/// Whether a request may be sent again after a 5xx or a network error.
enum RetrySafety {
    /// GET, PUT, DELETE and idempotent PATCHes: repeating them changes nothing more.
    case safe
    /// A v2 send carrying an `Idempotency-Key`: the server delivers it at most once.
    case idempotentSend
    /// A write the server might apply twice (POST, PATCH): never repeated once it may have
    /// reached the server.
    case unsafe
    /// A send without idempotency (v1): never repeated once it may have reached the
    /// server, and such a failure says the message may have been delivered.
    case unsafeSend
}

/// One API request before it becomes HTTP: where, what, and how safe it is to repeat.
struct APICall {
    var operation: String
    var method: String
    /// The path relative to the base URL, already percent-encoded, starting with `/`.
    var path: String
    var query = QueryString()
    var body: JSONValue?
    var headers: [HTTPHeader] = []
    var safety: RetrySafety

    init(
        _ operation: String, _ method: String, _ path: String, query: QueryString = QueryString(),
        body: JSONValue? = nil, safety: RetrySafety? = nil
    ) {
        self.operation = operation
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.safety = safety ?? (["GET", "PUT", "DELETE"].contains(method) ? .safe : .unsafe)
    }
}

/// A path from segments, each percent-encoded: `path("threads", id)` is `/threads/<id>`.
func path(_ segments: String...) -> String {
    segments.map { "/" + percentEncode($0) }.joined()
}

extension RetrySafety {
    /// Whether a 5xx or a network error may be answered by sending the request again.
    var repeatable: Bool { self == .safe || self == .idempotentSend }
}
