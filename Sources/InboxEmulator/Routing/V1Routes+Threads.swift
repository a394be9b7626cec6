/// `/api/v1/threads...`
extension V1Routes {
    static func listThreads(_ context: inout RouteContext) throws -> RouteReply {
        var filter = ThreadFilter()
        filter.accountLinkIds = context.query.ids("accountLinkIds")
        let inbox = context.query.choice(
            "inbox", ["default", "no-reply", "requests", "archived"], default: "default")
        filter.folder =
            switch inbox {
            case "no-reply": .awaitingReply
            case "requests": .requests
            case "archived": .archived
            default: .inbox
            }
        func selected(_ group: String) -> [String]? {
            let ids = context.query.strings("filters[\(group)][selectedIds]")
            return ids.isEmpty ? nil : ids
        }
        filter.tagIds = selected("tags")
        filter.noTags = context.query.bool("filters[tags][noTags]") ?? false
        filter.statusIds = selected("statuses")
        filter.noStatus = context.query.bool("filters[statuses][noStatus]") ?? false
        filter.assigneeIds = selected("assignees")
        filter.unassigned = context.query.bool("filters[assignees][noAssignee]") ?? false
        // The emulated team runs no campaigns: selecting any matches nothing.
        let campaigns = selected("campaigns")
        filter.ascending =
            context.query.choice("filters[sortOrder]", ["asc", "desc"], default: "desc") == "asc"
        filter.limit = context.query.int("limit", in: 1...100, default: 20)
        try context.query.finish()
        filter.after = try Cursor.v1(context.query).map { (sortAt: $0.key, id: $0.id) }
        return try context.read { db in
            let page = campaigns == nil ? try db.threads(filter) : Page(rows: [], next: nil)
            return .ok(
                .object([
                    ("threads", .array(try page.rows.map { try V1Encoding.thread($0, in: db) })),
                    ("nextCursor", Cursor.v1Object(page.next)),
                ]))
        }
    }

    static func getThread(_ context: inout RouteContext) throws -> RouteReply {
        let id = context.parameter("threadId")
        return try context.read { db in .ok(try V1Encoding.thread(try db.thread(id), in: db)) }
    }

    static func updateThread(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        let done = fields.bool("done")
        let assignee = fields.nullableString("assigneeId", inboxId: true)
        try fields.finish()
        let id = context.parameter("threadId")
        return try context.write { writes in
            let thread = try writes.updateThread(id, archived: done, assignee: assignee)
            return .ok(try V1Encoding.thread(thread, in: writes.db))
        }
    }

    static func deleteThread(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        try fields.finish()
        let id = context.parameter("threadId")
        try context.write { writes in try writes.deleteThread(id) }
        return RouteReply(status: 200, body: nil)
    }

    static func createThread(_ context: inout RouteContext) throws -> RouteReply {
        let person = try ProspectReference(&context, contentRequired: false)
        return try context.write { writes in
            let contact = try person.contact(with: writes)
            let thread = try writes.openThread(
                accountLinkId: person.accountLinkId, contact: contact)
            return .ok(try V1Encoding.thread(thread.thread, in: writes.db))
        }
    }

    static func lookupThread(_ context: inout RouteContext) throws -> RouteReply {
        let accountLinkId = context.query.required("accountLinkId")
        let platformId = context.query.string("externalPlatformId")
        let externalId = context.query.string("externalId")
        if (platformId == nil) == (externalId == nil) {
            throw APIProblem.invalid(
                ["externalPlatformId"], "Give externalPlatformId or externalId")
        }
        try context.query.finish()
        return try context.read { db in
            _ = try db.accountLink(accountLinkId)
            let contact: ContactRecord? =
                if let platformId {
                    try db.profile(platformId: platformId).flatMap {
                        try db.contact(profileId: $0.id)
                    }
                } else {
                    try db.findContact(externalId ?? "")
                }
            let thread = try contact.flatMap {
                try db.thread(accountLinkId: accountLinkId, contactId: $0.id)
            }
            return .ok(try thread.map { try V1Encoding.thread($0, in: db) } ?? .null)
        }
    }

    static func lookupByUsername(_ context: inout RouteContext) throws -> RouteReply {
        let username = context.query.required("username")
        let accountLinkIds = context.query.ids("accountLinkIds")
        try context.query.finish()
        return try context.read { db in
            var threads: [ThreadRecord] = []
            for profile in try db.profiles(username: username) {
                guard let contact = try db.contact(profileId: profile.id) else { continue }
                var filter = ThreadFilter()
                filter.contactIds = [contact.id]
                filter.accountLinkIds = accountLinkIds
                filter.folder = .all
                filter.limit = 100
                threads += try db.threads(filter).rows
            }
            return .ok(.array(try threads.map { try V1Encoding.thread($0, in: db) }))
        }
    }
}

/// The person a v1 thread or quick send is about: `accountLinkId` plus the
/// prospect's `externalPlatformId` (X id) or `externalId` (Inbox id).
struct ProspectReference {
    var accountLinkId: String
    var platformId: String?
    var externalId: String?
    var content: String?

    init(_ context: inout RouteContext, contentRequired: Bool) throws {
        var fields = context.fields
        accountLinkId = fields.string("accountLinkId", required: true, inboxId: true) ?? ""
        platformId = fields.string("externalPlatformId", minLength: 1)
        externalId = fields.string("externalId", minLength: 1)
        if contentRequired {
            content = fields.string("content", required: true, minLength: 1)
        }
        try fields.finish()
        if (platformId == nil) == (externalId == nil) {
            throw APIProblem.invalid(
                ["externalPlatformId"], "Give externalPlatformId or externalId")
        }
    }

    /// The prospect's contact: found by Inbox id (404 when unknown), or by X
    /// id (created when the team has never met them).
    func contact(with writes: TeamWrites) throws -> ContactRecord {
        _ = try writes.db.accountLink(accountLinkId)
        if let externalId { return try writes.db.contact(externalId, kind: .prospect) }
        return try writes.contact(platformId: platformId ?? "")
    }
}
