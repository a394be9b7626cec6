import FoundationEssentials

/// One HTTP response: status, header fields and the whole body.
public struct TransportResponse: Sendable, Hashable {
    /// The status code, such as 200.
    public var status: Int
    /// Header fields, names lower-cased.
    public var headers: [String: String]
    /// The body (empty for none).
    public var body: Data

    /// A response; header names are lower-cased.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { $1 }
        self.body = body
    }

    /// A header value by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}
