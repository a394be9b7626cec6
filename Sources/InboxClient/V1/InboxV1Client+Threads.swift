extension InboxV1Client {
    /// `GET /threads` with `accountLinkIds[n]`, `inbox` and `filters[...]` brackets.
    public func threads(_ query: ThreadQuery, cursor: PageCursor?) throws -> Page<Thread> {
        let operation = "threads"
        if query.search != nil { throw InboxError.unsupported(operation, .v1, "search") }
        if !query.contactIds.isEmpty {
            throw InboxError.unsupported(operation, .v1, "the contactIds filter")
        }
        if !query.platforms.isEmpty {
            throw InboxError.unsupported(operation, .v1, "the platforms filter")
        }
        if !query.expand.isEmpty {
            throw InboxError.unsupported(operation, .v1, "expand (v1 always embeds the prospect)")
        }
        try IDCheck.accountLinkIds(query.accountLinkIds, operation)
        var items = QueryString()
        items.addIndexed("accountLinkIds", query.accountLinkIds)
        switch query.folder {
        case nil: break
        case .inbox?: items.add("inbox", "default")
        case .noReply?: items.add("inbox", "no-reply")
        case .requests?: items.add("inbox", "requests")
        case .archived?: items.add("inbox", "archived")
        case .all?: throw InboxError.unsupported(operation, .v1, "the \"all\" folder")
        }
        addFilter(&items, "tags", query.tags, none: "noTags", query.noTags)
        addFilter(&items, "statuses", query.statuses, none: "noStatus", query.noStatus)
        addFilter(&items, "assignees", query.assigneeIds, none: "noAssignee", query.unassigned)
        addFilter(&items, "campaigns", query.campaignIds, none: "noCampaign", query.noCampaign)
        items.add("filters[sortOrder]", query.order?.rawValue)
        items.add("limit", query.limit)
        try V1Cursor.add(cursor, to: &items, operation: operation)
        return try engine.decode(APICall(operation, "GET", "/threads", query: items)) { body in
            Page(
                items: try decodeArray(body["threads"], "threads", Thread.init(json:)),
                nextCursor: try V1Cursor.pack(body["nextCursor"]))
        }
    }

    private func addFilter(
        _ query: inout QueryString, _ group: String, _ ids: [String], none: String, _ flag: Bool
    ) {
        query.addIndexed("filters[\(group)][selectedIds]", ids)
        if flag { query.add("filters[\(group)][\(none)]", "true") }
    }

    /// `GET /threads/{threadId}`.
    public func thread(id: String) throws -> Thread {
        try engine.decode(APICall("thread", "GET", path("threads", id)), Thread.init(json:))
    }

    /// `GET /threads/lookup?accountLinkId=&externalPlatformId=|externalId=` (null → nil),
    /// or by username through `GET /threads/lookup-by-username`.
    public func findThread(accountLinkId: String, person: PersonRef) throws -> Thread? {
        try IDCheck.accountLinkId(accountLinkId, "findThread")
        var query = QueryString()
        query.add("accountLinkId", accountLinkId)
        switch person {
        case .platformId(let id, _): query.add("externalPlatformId", id)
        case .externalId(let id): query.add("externalId", id)
        case .username(let name, _):
            return try threads(username: name, accountLinkIds: [accountLinkId]).first
        }
        let call = APICall("findThread", "GET", "/threads/lookup", query: query)
        return try engine.decode(call) { body in
            body.isNull ? nil : try Thread(json: body)
        }
    }

    /// `GET /threads/lookup-by-username?username=&accountLinkIds[n]=`.
    public func threads(username: String, accountLinkIds: [String]) throws -> [Thread] {
        var query = QueryString()
        query.add("username", username.hasPrefix("@") ? String(username.dropFirst()) : username)
        query.addIndexed("accountLinkIds", accountLinkIds)
        return try list(
            APICall(
                "threadsByUsername", "GET", "/threads/lookup-by-username",
                query: query), Thread.init(json:))
    }

    /// `POST /threads` `{accountLinkId, externalPlatformId | externalId}`.
    public func createThread(accountLinkId: String, person: PersonRef) throws -> Thread {
        try IDCheck.accountLinkId(accountLinkId, "createThread")
        var body: JSONObject = ["accountLinkId": .string(accountLinkId)]
        try addPerson(person, to: &body, operation: "createThread")
        return try engine.decode(
            APICall(
                "createThread", "POST", "/threads",
                body: .object(body)), Thread.init(json:))
    }

    /// `PATCH /threads/{threadId}` `{done, assigneeId}`; `unread` is not in v1.
    public func updateThread(id: String, _ update: ThreadUpdate) throws -> Thread {
        if update.unread != nil {
            throw InboxError.unsupported("updateThread", .v1, "marking a thread unread")
        }
        var body = JSONObject()
        body["done"] = update.archived.map(JSONValue.bool)
        body["assigneeId"] = update.assigneeId.map(\.json)
        let call = APICall("updateThread", "PATCH", path("threads", id), body: .object(body))
        return try engine.decode(call, Thread.init(json:))
    }

    /// Adds `externalPlatformId` or `externalId`; usernames are not accepted by v1 writes.
    func addPerson(_ person: PersonRef, to body: inout JSONObject, operation: String) throws {
        switch person {
        case .platformId(let id, _): body["externalPlatformId"] = .string(id)
        case .externalId(let id): body["externalId"] = .string(id)
        case .username:
            throw InboxError.unsupported(operation, .v1, "naming the person by username")
        }
    }
}
