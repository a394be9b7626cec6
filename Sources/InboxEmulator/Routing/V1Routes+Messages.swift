/// v1 messages and prospects.
extension V1Routes {
    static func listMessages(_ context: inout RouteContext) throws -> RouteReply {
        let limit = context.query.int("limit", in: 1...100, default: 50)
        try context.query.finish()
        let after = try Cursor.v1(context.query).map { (createdAt: $0.key, id: $0.id) }
        let id = context.parameter("threadId")
        return try context.read { db in
            _ = try db.thread(id)
            let team = try db.team().id
            let page = try db.messages(threadId: id, ascending: false, limit: limit, after: after)
            return .ok(
                .object([
                    ("teamId", .string(team)), ("threadId", .string(id)),
                    (
                        "messages",
                        .array(try page.rows.map { try V1Encoding.message($0, team: team, in: db) })
                    ),
                    ("nextCursor", Cursor.v1Object(page.next)), ("isSyncing", .bool(false)),
                ]))
        }
    }

    static func sendMessage(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        let content = fields.string("content", required: true, minLength: 1)
        let replyTo = fields.string("replyToMessageId", inboxId: true)
        try fields.finish()
        let id = context.parameter("threadId")
        return try context.write { writes in
            let message = try writes.send(
                content ?? "", in: try writes.db.thread(id), replyTo: replyTo)
            return .ok(
                try V1Encoding.message(message, team: try writes.db.team().id, in: writes.db))
        }
    }

    static func quickSend(_ context: inout RouteContext) throws -> RouteReply {
        let person = try ProspectReference(&context, contentRequired: true)
        return try context.write { writes in
            let contact = try person.contact(with: writes)
            let thread = try writes.openThread(
                accountLinkId: person.accountLinkId, contact: contact)
            let message = try writes.send(person.content ?? "", in: thread.thread, replyTo: nil)
            let team = try writes.db.team().id
            return .ok(
                .object([
                    ("message", try V1Encoding.message(message, team: team, in: writes.db)),
                    (
                        "thread",
                        .object([
                            ("id", .string(thread.thread.id)),
                            ("platformId", .string(thread.thread.platformId)),
                        ])
                    ),
                ]))
        }
    }

    static func lookupProspect(_ context: inout RouteContext) throws -> RouteReply {
        let platformId = context.query.required("platformId")
        try context.query.finish()
        return try context.read { db in
            let contact = try db.profile(platformId: platformId).flatMap {
                try db.contact(profileId: $0.id)
            }
            return .ok(
                try contact.map { try V1Encoding.prospect($0, in: db, withThreads: true) } ?? .null)
        }
    }

    static func getProspect(_ context: inout RouteContext) throws -> RouteReply {
        let id = context.parameter("prospectId")
        return try context.read { db in
            .ok(
                try V1Encoding.prospect(
                    try db.contact(id, kind: .prospect), in: db, withThreads: true))
        }
    }

    /// Updates the prospect's CRM fields; `assigneeId` and `done` fan out to
    /// every thread the team has with them, on every account link.
    static func updateProspect(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        let notes = fields.nullableString("notes")
        let valuation = fields.nullableNumber("valuation")
        let status = fields.nullableString("statusId", inboxId: true)
        let addTags = fields.idArray("addTags") ?? []
        let removeTags = fields.idArray("removeTags") ?? []
        let assignee = fields.nullableString("assigneeId", inboxId: true)
        let done = fields.bool("done")
        try fields.finish()
        let id = context.parameter("prospectId")
        return try context.write { writes in
            let db = writes.db
            _ = try db.contact(id, kind: .prospect)
            for tagId in addTags + removeTags where (try? db.tag(reference: tagId))?.id != tagId {
                throw APIProblem.notFound(.tag, tagId)
            }
            _ = try writes.updateContact(id, status: status, notes: notes, valuation: valuation)
            _ = try writes.changeTags(id, add: addTags, remove: removeTags)
            if done != nil || { if case .set = assignee { true } else { false } }() {
                let threadIds = try db.rows(
                    "SELECT id FROM threads WHERE contact_id = ? AND deleted = 0", [.text(id)]
                ) { $0.text(0) }
                for threadId in threadIds {
                    _ = try writes.updateThread(threadId, archived: done, assignee: assignee)
                }
            }
            return .ok(try V1Encoding.prospect(try db.contact(id), in: db, withThreads: true))
        }
    }
}
