/// The Inbox API v2 (`/api/v2`) over any HTTP transport.
///
/// Collections come as `{data, nextCursor}` pages; several values repeat the query key;
/// sends carry an `Idempotency-Key` and are retried safely with the same key.
public final class InboxV2Client: Inbox {
    let engine: HTTPEngine

    /// The version this client speaks: `.v2`.
    public var version: APIVersion { .v2 }

    /// The configuration in use (its `version` is ignored: this client speaks v2).
    public var configuration: InboxConfiguration { engine.configuration }

    /// A client over `transport`; tripping `cancellation` stops any call's waits.
    public init(
        configuration: InboxConfiguration, transport: any HTTPTransport,
        cancellation: CancellationToken = CancellationToken()
    ) {
        engine = HTTPEngine(
            configuration: configuration, transport: transport,
            cancellation: cancellation)
    }

    /// Reads a `{data, nextCursor}` page.
    func page<T: Sendable>(_ call: APICall, _ read: @escaping (JSONValue) throws -> T) throws
        -> Page<T>
    {
        try engine.decode(call) { body in
            let fields = try Fields(body, "Page")
            let items = try decodeArray(body["data"], "Page.data", read)
            return Page(
                items: items,
                nextCursor: try fields.optionalString("nextCursor")
                    .map(PageCursor.init))
        }
    }

    /// Every item of a collection, following cursors.
    func everything<T: Sendable>(_ call: APICall, _ read: @escaping (JSONValue) throws -> T) throws
        -> [T]
    {
        try Paging(operation: call.operation) { cursor in
            var next = call
            next.query.add("cursor", cursor?.value)
            return try self.page(next, read)
        }.collect()
    }

    // MARK: - Team

    /// `GET /team`.
    public func team() throws -> Team {
        try engine.decode(APICall("team", "GET", "/team"), Team.init(json:))
    }

    /// `GET /members`, one page.
    public func members(cursor: PageCursor?) throws -> Page<Member> {
        var query = QueryString()
        query.add("cursor", cursor?.value)
        return try page(APICall("members", "GET", "/members", query: query), Member.init(json:))
    }

    /// `GET /platforms`.
    public func platforms() throws -> [PlatformInfo] {
        try engine.decode(APICall("platforms", "GET", "/platforms")) { body in
            try decodeArray(body, "PlatformInfo[]", PlatformInfo.init(json:))
        }
    }

    // TODO: the v2 `type` filter (repeatable) is not exposed; callers filter by `Event.type`.
    /// `GET /events?afterSeq=&limit=`.
    public func events(afterSeq: Int64?, limit: Int?) throws -> EventPage {
        var query = QueryString()
        query.add("afterSeq", afterSeq)
        query.add("limit", limit)
        return try engine.decode(APICall("events", "GET", "/events", query: query)) { body in
            let fields = try Fields(body, "EventPage")
            return EventPage(
                events: try decodeArray(
                    body["data"], "EventPage.data",
                    Event.init(json:)),
                lastSeq: try fields.optionalInteger("lastSeq"),
                hasMore: try fields.optionalBool("hasMore") ?? false)
        }
    }

    /// `GET /colors`.
    public func colors() throws -> [Color] {
        try engine.decode(APICall("colors", "GET", "/colors")) { body in
            try decodeArray(body, "Color[]", Color.init(json:))
        }
    }
}
