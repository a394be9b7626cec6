extension InboxV2Client {
    /// `GET /account-links?platform=&status=` (repeated keys).
    public func accountLinks(_ query: AccountLinkQuery, cursor: PageCursor?) throws
        -> Page<AccountLink>
    {
        var items = QueryString()
        items.addRepeated("platform", query.platforms)
        items.addRepeated("status", query.statuses)
        items.add("limit", query.limit)
        items.add("cursor", cursor?.value)
        return try page(
            APICall("accountLinks", "GET", "/account-links", query: items),
            AccountLink.init(json:))
    }

    /// `GET /threads` with the query's filters as repeated keys.
    public func threads(_ query: ThreadQuery, cursor: PageCursor?) throws -> Page<Thread> {
        let operation = "threads"
        if query.noTags { throw InboxError.unsupported(operation, .v2, "the noTags filter") }
        if query.noStatus {
            throw InboxError.unsupported(operation, .v2, "the noStatus filter")
        }
        if query.noCampaign {
            throw InboxError.unsupported(operation, .v2, "the noCampaign filter")
        }
        try IDCheck.accountLinkIds(query.accountLinkIds, operation)
        var items = QueryString()
        items.addRepeated("accountLinkId", query.accountLinkIds)
        items.addRepeated("platform", query.platforms)
        items.addRepeated("contactId", query.contactIds)
        items.add("folder", query.folder?.rawValue)
        items.addRepeated("tag", query.tags)
        items.addRepeated("status", query.statuses)
        items.addRepeated("assigneeId", query.assigneeIds)
        if query.unassigned { items.add("unassigned", "true") }
        items.addRepeated("campaignId", query.campaignIds)
        items.add("q", query.search)
        items.add("order", query.order?.rawValue)
        items.addRepeated("expand", query.expand)
        items.add("limit", query.limit)
        items.add("cursor", cursor?.value)
        return try page(APICall(operation, "GET", "/threads", query: items), Thread.init(json:))
    }

    /// `GET /threads/{threadId}`.
    public func thread(id: String) throws -> Thread {
        try engine.decode(APICall("thread", "GET", path("threads", id)), Thread.init(json:))
    }

    /// Finds the person's contact, then `GET /threads?accountLinkId=&contactId=&folder=all`.
    public func findThread(accountLinkId: String, person: PersonRef) throws -> Thread? {
        try IDCheck.accountLinkId(accountLinkId, "findThread")
        let contactIds: [String]
        if case .externalId(let id) = person {
            contactIds = [id]
        } else {
            contactIds = try contacts(person, operation: "findThread").map(\.id)
        }
        guard !contactIds.isEmpty else { return nil }
        let query = ThreadQuery(
            accountLinkIds: [accountLinkId], folder: .all,
            contactIds: contactIds, limit: 1)
        return try threads(query, cursor: nil).items.first
    }

    /// `GET /contacts?platform=twitter&username=`, then every thread with those contacts.
    public func threads(username: String, accountLinkIds: [String]) throws -> [Thread] {
        let contactIds = try contacts(.username(username), operation: "threadsByUsername")
            .map(\.id)
        guard !contactIds.isEmpty else { return [] }
        let query = ThreadQuery(
            accountLinkIds: accountLinkIds, folder: .all,
            contactIds: contactIds)
        return try allThreads(query).collect()
    }

    /// Not in v2: a send to a contact or profile creates the thread.
    public func createThread(accountLinkId: String, person: PersonRef) throws -> Thread {
        throw InboxError.unsupported(
            "createThread", .v2,
            "creating a thread without a message (send to the person instead)")
    }

    /// `PATCH /threads/{threadId}` with `archived`, `unread`, `assigneeId`.
    public func updateThread(id: String, _ update: ThreadUpdate) throws -> Thread {
        var body = JSONObject()
        body["archived"] = update.archived.map(JSONValue.bool)
        body["unread"] = update.unread.map(JSONValue.bool)
        body["assigneeId"] = update.assigneeId.map(\.json)
        let call = APICall("updateThread", "PATCH", path("threads", id), body: .object(body))
        return try engine.decode(call, Thread.init(json:))
    }

    /// `GET /contacts?platform=&platformId=` or `&username=`: the contacts a reference names.
    func contacts(_ person: PersonRef, operation: String) throws -> [Contact] {
        var query = QueryString()
        switch person {
        case .externalId(let id):
            return [
                try engine.decode(
                    APICall(operation, "GET", path("contacts", id)),
                    Contact.init(json:))
            ]
        case .platformId(let id, let platform):
            query.add("platform", platform)
            query.add("platformId", id)
        case .username(let name, let platform):
            query.add("platform", platform)
            query.add("username", name.hasPrefix("@") ? String(name.dropFirst()) : name)
        }
        return try everything(
            APICall(operation, "GET", "/contacts", query: query),
            Contact.init(json:))
    }
}

extension FieldUpdate where Value == String {
    /// The value to send: the string, or `null` to clear.
    var json: JSONValue {
        switch self {
        case .set(let value): return .string(value)
        case .clear: return .null
        }
    }
}
