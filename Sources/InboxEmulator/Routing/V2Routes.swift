/// The `/api/v2` operations the emulator serves (paths as in `openapi-v2.json`).
enum V2Routes {
    static let all: [Route] = [
        Route("GET", "/platforms") { _ in .ok(Platforms.info) },
        Route("GET", "/team") { context in .ok(V2Encoding.team(try context.read { try $0.team() }))
        },
        Route("GET", "/members", listMembers),
        Route("GET", "/members/{memberId}") { context in
            .ok(
                V2Encoding.member(try context.read { try $0.member(context.parameter("memberId")) })
            )
        },
        Route("GET", "/account-links", listAccountLinks),
        Route("GET", "/account-links/{accountLinkId}") { context in
            let id = context.parameter("accountLinkId")
            return .ok(V2Encoding.accountLink(try context.read { try $0.accountLink(id) }))
        },
        Route("GET", "/contacts", listContacts),
        Route("GET", "/contacts/{contactId}", getContact),
        Route("PATCH", "/contacts/{contactId}", updateContact),
        Route("PUT", "/contacts/{contactId}/tags/{tagRef}") { try tagContact(&$0, add: true) },
        Route("DELETE", "/contacts/{contactId}/tags/{tagRef}") { try tagContact(&$0, add: false) },
        Route("GET", "/threads", listThreads),
        Route("GET", "/threads/{threadId}", getThread),
        Route("PATCH", "/threads/{threadId}", updateThread),
        Route("DELETE", "/threads/{threadId}", deleteThread),
        Route("GET", "/threads/{threadId}/messages", listMessages),
        Route("GET", "/messages/{messageId}", getMessage),
        Route("POST", "/messages", sendMessage),
        Route("GET", "/tags") { context in
            .ok(Page(rows: try context.read { try $0.tags() }, next: nil).v2(V2Encoding.tag))
        },
        Route("POST", "/tags", createTag),
        Route("GET", "/tags/{tagRef}") { context in
            .ok(
                V2Encoding.tag(
                    try context.read { try $0.tag(reference: context.parameter("tagRef")) }))
        },
        Route("GET", "/statuses") { context in
            .ok(Page(rows: try context.read { try $0.statuses() }, next: nil).v2(V2Encoding.status))
        },
        Route("POST", "/statuses", createStatus),
        Route("GET", "/statuses/{statusRef}") { context in
            let reference = context.parameter("statusRef")
            return .ok(V2Encoding.status(try context.read { try $0.status(reference: reference) }))
        },
        Route("GET", "/colors") { _ in .ok(Platforms.colors) },
        Route("GET", "/events", listEvents),
    ]

    // MARK: - Team

    static func listMembers(_ context: inout RouteContext) throws -> RouteReply {
        let limit = context.query.int("limit", in: 1...100, default: 50)
        try context.query.finish()
        let after = try Cursor.v2(context.query)
        let members = try context.read { try $0.members() }
        let page = Cursor.page(members, limit: limit, after: after) { ($0.createdAt, $0.id) }
        return .ok(page.v2(V2Encoding.member))
    }

    static func listAccountLinks(_ context: inout RouteContext) throws -> RouteReply {
        let platforms = context.query.strings("platform")
        let statuses = context.query.strings("status")
        for status in statuses where !["active", "offline", "paused"].contains(status) {
            throw APIProblem.invalid(["status"], "Expected one of active, offline, paused")
        }
        let limit = context.query.int("limit", in: 1...100, default: 50)
        try context.query.finish()
        let after = try Cursor.v2(context.query)
        let links = try context.read { try $0.accountLinks() }.filter { link in
            (platforms.isEmpty || platforms.contains("twitter"))
                && (statuses.isEmpty || statuses.contains(link.status))
        }
        let page = Cursor.page(links, limit: limit, after: after) { ($0.createdAt, $0.id) }
        return .ok(page.v2(V2Encoding.accountLink))
    }

    static func createTag(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        let name = fields.string("name", required: true, minLength: 1, maxLength: 255)
        let color = fields.string("color", minLength: 1)
        try fields.finish()
        let tag = try context.write { try $0.createTag(name: name ?? "", color: color) }
        return .created(V2Encoding.tag(tag))
    }

    static func createStatus(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        let name = fields.string("name", required: true, minLength: 1, maxLength: 255)
        var color: String?
        if case .set(let value) = fields.nullableString("color") { color = value }
        try fields.finish()
        let status = try context.write { try $0.createStatus(name: name ?? "", color: color) }
        return .created(V2Encoding.status(status))
    }

    static func listEvents(_ context: inout RouteContext) throws -> RouteReply {
        let afterSeq = context.query.int("afterSeq", atLeast: 0) ?? 0
        let types = context.query.strings("type")
        let limit = context.query.int("limit", in: 1...1000, default: 100)
        try context.query.finish()
        let page = try context.read {
            try $0.events(afterSeq: afterSeq, types: types, limit: limit)
        }
        return .ok(
            .object([
                ("data", .array(page.events.map(V2Encoding.event))),
                ("lastSeq", page.events.last.map { .int($0.seq) } ?? .null),
                ("hasMore", .bool(page.hasMore)),
            ]))
    }
}
