/// The Inbox API v1 (`/api/v1`) over any HTTP transport.
///
/// Lists are flat arrays except threads and messages, whose `{timestamp, id}` cursors are
/// packed into one `PageCursor`; several values use indexed brackets
/// (`accountLinkIds[0]=…`). v1 has no idempotency: a send that fails after it may have
/// reached the server is never retried.
public final class InboxV1Client: Inbox {
    let engine: HTTPEngine

    /// The version this client speaks: `.v1`.
    public var version: APIVersion { .v1 }

    /// The configuration in use (its `version` is ignored: this client speaks v1).
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

    /// Reads a flat array response.
    func list<T>(_ call: APICall, _ read: (JSONValue) throws -> T) throws -> [T] {
        try engine.decode(call) { body in try decodeArray(body, call.operation, read) }
    }

    // MARK: - Team

    /// `GET /team`.
    public func team() throws -> Team {
        try engine.decode(APICall("team", "GET", "/team"), Team.init(json:))
    }

    /// `GET /members`: every member in one page.
    public func members(cursor: PageCursor?) throws -> Page<Member> {
        guard cursor == nil else {
            throw InboxError.invalidArgument("members", "API v1 lists members in one page")
        }
        return Page(
            items: try list(APICall("members", "GET", "/members"), Member.init(json:)),
            nextCursor: nil)
    }

    /// Not in v1 (X is its only platform).
    public func platforms() throws -> [PlatformInfo] {
        throw InboxError.unsupported("platforms", .v1, "listing platforms")
    }

    /// `GET /events?afterSeq=&limit=` → `{events, hasMore, lastSeq}`.
    public func events(afterSeq: Int64?, limit: Int?) throws -> EventPage {
        var query = QueryString()
        query.add("afterSeq", afterSeq)
        query.add("limit", limit)
        return try engine.decode(APICall("events", "GET", "/events", query: query)) { body in
            let fields = try Fields(body, "EventPage")
            return EventPage(
                events: try decodeArray(
                    body["events"], "EventPage.events",
                    Event.init(json:)),
                lastSeq: try fields.optionalInteger("lastSeq"),
                hasMore: try fields.optionalBool("hasMore") ?? false)
        }
    }

    /// `GET /colors`.
    public func colors() throws -> [Color] {
        try list(APICall("colors", "GET", "/colors"), Color.init(json:))
    }

    // MARK: - Account links

    /// `GET /account-links` (one flat array), filtered here: v1 has no filter parameters.
    public func accountLinks(_ query: AccountLinkQuery, cursor: PageCursor?) throws
        -> Page<AccountLink>
    {
        guard cursor == nil else {
            throw InboxError.invalidArgument(
                "accountLinks",
                "API v1 lists account links in one page")
        }
        let links = try list(
            APICall("accountLinks", "GET", "/account-links"),
            AccountLink.init(json:))
        let kept = links.filter { link in
            (query.statuses.isEmpty || query.statuses.contains(link.status))
                && (query.platforms.isEmpty || query.platforms.contains(link.platform))
        }
        return Page(items: kept, nextCursor: nil)
    }
}

/// v1's `{timestamp, id}` cursor, packed as `timestamp|id` (ids never contain `|`).
enum V1Cursor {
    static func pack(_ json: JSONValue?) throws -> PageCursor? {
        guard let json, !json.isNull else { return nil }
        let fields = try Fields(json, "nextCursor")
        return PageCursor(try fields.string("timestamp") + "|" + fields.id("id"))
    }

    static func add(_ cursor: PageCursor?, to query: inout QueryString, operation: String)
        throws
    {
        guard let cursor else { return }
        guard let bar = cursor.value.lastIndex(of: "|") else {
            throw InboxError.invalidArgument(
                operation,
                "\"\(cursor.value)\" is not an API v1 cursor")
        }
        query.add("cursorId", String(cursor.value[cursor.value.index(after: bar)...]))
        query.add("cursorTimestamp", String(cursor.value[..<bar]))
    }
}
