import FoundationEssentials

/// One HTTP request, ready for the wire: the URL is complete and percent-encoded.
public struct TransportRequest: Sendable, Hashable {
    /// The method, such as `GET`.
    public var method: String
    /// The complete URL, percent-encoded exactly as it must be sent.
    public var url: String
    /// Header fields, in order. Names are as written (`Authorization`, `Idempotency-Key`).
    public var headers: [HTTPHeader]
    /// The body, or nil for none.
    public var body: Data?
    /// How long one attempt may take, in seconds, before it fails as timed out.
    public var timeout: Double

    /// A request.
    public init(
        method: String, url: String, headers: [HTTPHeader] = [], body: Data? = nil,
        timeout: Double = 60
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The first value of a header field, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The URL's path, still percent-encoded, such as `/api/v2/threads`.
    public var path: String {
        guard let afterScheme = url.firstRange(of: "://") else { return pathAndQuery.0 }
        let rest = url[afterScheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
    }

    /// The URL's query string without `?`, still percent-encoded, or nil for none.
    public var query: String? {
        guard let mark = url.firstIndex(of: "?") else { return nil }
        return String(url[url.index(after: mark)...].prefix { $0 != "#" })
    }

    private var pathAndQuery: (String, String?) {
        (String(url.prefix { $0 != "?" }), query)
    }
}
