/// One HTTP request as the server received it.
///
/// Header names are lowercased. The query keeps the order and repetition of
/// the raw URI, because the Inbox API's two versions encode arrays
/// differently (`accountLinkIds[0]=a` against `accountLinkId=a&accountLinkId=b`)
/// and a faithful server has to see exactly what the client sent.
public struct HTTPRequest: Sendable {
    /// The request method, such as `GET`.
    public let method: String
    /// The path, percent-decoded, without the query.
    public let path: String
    /// The path exactly as sent, still percent-encoded, without the query.
    /// Route on this (see `pathSegments`): an encoded `/` (`%2F`) belongs to
    /// its segment and must not split it.
    public let rawPath: String
    /// The query exactly as sent, without the leading `?`; empty when absent.
    public let rawQuery: String
    /// The query's key–value pairs in order, form-decoded (`+` is a space).
    public let query: [(name: String, value: String)]
    /// Headers with lowercased names. Repeated headers are joined with `, `.
    public let headers: [String: String]
    /// The request body. Empty when `bodyExceedsLimit` is set.
    public let body: [UInt8]
    /// Set when the body was longer than the server's limit and was dropped.
    public let bodyExceedsLimit: Bool

    /// Creates a request; the server builds these, tests may too.
    public init(
        method: String,
        path: String,
        rawPath: String? = nil,
        rawQuery: String = "",
        headers: [String: String] = [:],
        body: [UInt8] = [],
        bodyExceedsLimit: Bool = false
    ) {
        self.method = method
        self.path = path
        self.rawPath = rawPath ?? path
        self.rawQuery = rawQuery
        self.query = FormDecoding.pairs(rawQuery)
        self.headers = headers
        self.body = body
        self.bodyExceedsLimit = bodyExceedsLimit
    }

    /// The non-empty segments of `rawPath`, each percent-decoded after the
    /// split, so `/threads/a%2Fb` is `["threads", "a/b"]`.
    public var pathSegments: [String] {
        rawPath.split(separator: "/").map { FormDecoding.decode($0, plusIsSpace: false) }
    }

    /// Every value of a query parameter, in order.
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }

    /// The first value of a query parameter.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// A header's value, looked up case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}
