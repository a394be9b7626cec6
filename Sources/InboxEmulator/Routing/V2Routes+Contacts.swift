/// `/api/v2/contacts...`
extension V2Routes {
    // TODO: contacts ignore `expand` (status, tags, assignee); they return ids only.
    static func listContacts(_ context: inout RouteContext) throws -> RouteReply {
        let platform = context.query.required("platform")
        let platformIds = context.query.strings("platformId")
        let usernames = context.query.strings("username")
        if platformIds.isEmpty == usernames.isEmpty {
            throw APIProblem.invalid(["platformId"], "Give either platformId or username")
        }
        if platformIds.count > 100 || usernames.count > 100 {
            throw APIProblem.invalid(["platformId"], "At most 100 values")
        }
        if usernames.contains(where: { $0.hasPrefix("@") }) {
            throw APIProblem.invalid(["username"], "Usernames are given without @")
        }
        let limit = context.query.int("limit", in: 1...100, default: 50)
        try context.query.finish()
        let after = try Cursor.v2(context.query)
        return try context.read { db in
            let contacts =
                platform == "twitter"
                ? try db.contacts(platformIds: platformIds, usernames: usernames) : []
            let page = Cursor.page(contacts, limit: limit, after: after) { ($0.createdAt, $0.id) }
            return .ok(try page.v2 { try V2Encoding.contact($0, in: db) })
        }
    }

    static func getContact(_ context: inout RouteContext) throws -> RouteReply {
        let id = context.parameter("contactId")
        return try context.read { db in .ok(try V2Encoding.contact(try db.contact(id), in: db)) }
    }

    static func updateContact(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        let status = fields.nullableString("status")
        let notes = fields.nullableString("notes")
        let valuation = fields.nullableNumber("valuation")
        let assignee = fields.nullableString("assigneeId", inboxId: true)
        try fields.finish()
        let id = context.parameter("contactId")
        return try context.write { writes in
            let contact = try writes.updateContact(
                id, status: status, notes: notes, valuation: valuation, assignee: assignee)
            return .ok(try V2Encoding.contact(contact, in: writes.db))
        }
    }

    static func tagContact(_ context: inout RouteContext, add: Bool) throws -> RouteReply {
        let id = context.parameter("contactId")
        let reference = context.parameter("tagRef")
        try context.write { writes in
            _ = try writes.db.contact(id)
            let tag = try writes.db.tag(reference: reference)
            _ = try writes.changeTags(id, add: add ? [tag.id] : [], remove: add ? [] : [tag.id])
        }
        return .noContent
    }
}
