/// `/api/v2/threads...`
extension V2Routes {
    static func listThreads(_ context: inout RouteContext) throws -> RouteReply {
        var filter = ThreadFilter()
        filter.accountLinkIds = context.query.ids("accountLinkId")
        filter.contactIds = context.query.ids("contactId")
        let platforms = context.query.strings("platform")
        let folder = context.query.choice(
            "folder", ["inbox", "noReply", "requests", "archived", "all"], default: "inbox")
        filter.folder = ThreadFilter.Folder(rawValue: folder) ?? .inbox
        let tags = context.query.strings("tag")
        let statuses = context.query.strings("status")
        let assignees = context.query.ids("assigneeId")
        // The emulated team runs no campaigns: selecting any matches nothing.
        let campaigns = context.query.ids("campaignId")
        filter.unassigned = context.query.bool("unassigned") ?? false
        if filter.unassigned && !assignees.isEmpty {
            throw APIProblem.invalid(["unassigned"], "Not combinable with assigneeId")
        }
        filter.assigneeIds = assignees.isEmpty ? nil : assignees
        if let search = context.query.string("q") {
            guard !search.isEmpty else { throw APIProblem.invalid(["q"], "Must not be empty") }
            filter.search = search
        }
        filter.ascending = context.query.choice("order", ["desc", "asc"], default: "desc") == "asc"
        filter.limit = context.query.int("limit", in: 1...100, default: 50)
        let expand = try checkExpand(context.query, threadExpansions)
        try context.query.finish()
        filter.after = try Cursor.v2(context.query).map { (sortAt: $0.key, id: $0.id) }
        return try context.read { db in
            // Unknown tag or status names match nothing rather than failing.
            if !tags.isEmpty {
                filter.tagIds = tags.compactMap { try? db.tag(reference: $0).id }
            }
            if !statuses.isEmpty {
                filter.statusIds = statuses.compactMap { try? db.status(reference: $0).id }
            }
            let page =
                (platforms.isEmpty || platforms.contains("twitter")) && campaigns.isEmpty
                ? try db.threads(filter) : Page(rows: [], next: nil)
            return .ok(try page.v2 { try V2Encoding.thread($0, in: db, expand: expand) })
        }
    }

    static func getThread(_ context: inout RouteContext) throws -> RouteReply {
        let expand = try checkExpand(context.query, threadExpansions)
        try context.query.finish()
        let id = context.parameter("threadId")
        return try context.read { db in
            .ok(try V2Encoding.thread(try db.thread(id), in: db, expand: expand))
        }
    }

    static func updateThread(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        let archived = fields.bool("archived")
        let unread = fields.bool("unread")
        let assignee = fields.nullableString("assigneeId", inboxId: true)
        let typing = fields.string("typingIndicators")
        if let typing, !["enabled", "disabled", "teamDefault"].contains(typing) {
            throw APIProblem.invalid(
                ["typingIndicators"], "Expected one of enabled, disabled, teamDefault")
        }
        try fields.finish()
        let id = context.parameter("threadId")
        return try context.write { writes in
            let thread = try writes.updateThread(
                id, archived: archived, unread: unread, assignee: assignee, typing: typing)
            return .ok(try V2Encoding.thread(thread, in: writes.db))
        }
    }

    static func deleteThread(_ context: inout RouteContext) throws -> RouteReply {
        let id = context.parameter("threadId")
        try context.write { writes in try writes.deleteThread(id) }
        // The emulator has no platform to delete from, so only Inbox's copy goes.
        return .ok(.object([("scope", .string("local"))]))
    }

    static func listMessages(_ context: inout RouteContext) throws -> RouteReply {
        let ascending = context.query.choice("order", ["desc", "asc"], default: "desc") == "asc"
        let limit = context.query.int("limit", in: 1...100, default: 50)
        // Only validated: a bad `expand` is still a 400, but the names it
        // asks for are not embedded in the messages.
        // TODO: embed `expand` objects in V2Encoding.message, as threads do.
        _ = try checkExpand(
            context.query,
            ["sentBy", "reactions.author", "thread", "accountLink", "replyTo.message"])
        try context.query.finish()
        let after = try Cursor.v2(context.query).map { (createdAt: $0.key, id: $0.id) }
        let id = context.parameter("threadId")
        return try context.read { db in
            _ = try db.thread(id)
            let page = try db.messages(
                threadId: id, ascending: ascending, limit: limit, after: after)
            return .ok(try page.v2 { try V2Encoding.message($0, in: db) })
        }
    }

    static func getMessage(_ context: inout RouteContext) throws -> RouteReply {
        let id = context.parameter("messageId")
        return try context.read { db in .ok(try V2Encoding.message(try db.message(id), in: db)) }
    }

    static let threadExpansions = ["profile", "contact", "accountLink", "assignee"]

    /// The documented `expand` values asked for; 400 for others or more than 4.
    // TODO: messages accept `expand` but embed nothing yet; threads embed all four.
    static func checkExpand(_ query: QueryReader, _ allowed: [String]) throws -> [String] {
        let values = query.strings("expand")
        if values.count > 4 { throw APIProblem.invalid(["expand"], "At most 4 values") }
        for value in values where !allowed.contains(value) {
            throw APIProblem.invalid(
                ["expand"], "Expected one of " + allowed.joined(separator: ", "))
        }
        return values
    }
}
