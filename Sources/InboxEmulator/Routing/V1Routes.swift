/// The `/api/v1` operations the emulator serves (paths as in `openapi-v1.json`).
/// v1 answers every success with 200 and lists without pagination, except
/// threads and messages.
enum V1Routes {
    static let all: [Route] = [
        Route("GET", "/team") { context in .ok(V1Encoding.team(try context.read { try $0.team() }))
        },
        Route("GET", "/members") { context in
            .ok(.array(try context.read { try $0.members() }.map(V1Encoding.member)))
        },
        Route("GET", "/members/{memberId}") { context in
            .ok(
                V1Encoding.member(try context.read { try $0.member(context.parameter("memberId")) })
            )
        },
        Route("GET", "/account-links") { context in
            .ok(.array(try context.read { try $0.accountLinks() }.map(V1Encoding.accountLink)))
        },
        Route("GET", "/threads/lookup", lookupThread),
        Route("GET", "/threads/lookup-by-username", lookupByUsername),
        Route("POST", "/threads/messages", quickSend),
        Route("GET", "/threads", listThreads),
        Route("POST", "/threads", createThread),
        Route("GET", "/threads/{threadId}", getThread),
        Route("PATCH", "/threads/{threadId}", updateThread),
        Route("DELETE", "/threads/{threadId}", deleteThread),
        Route("GET", "/threads/{threadId}/messages", listMessages),
        Route("POST", "/threads/{threadId}/messages", sendMessage),
        Route("GET", "/prospects/lookup", lookupProspect),
        Route("GET", "/prospects/{prospectId}", getProspect),
        Route("PATCH", "/prospects/{prospectId}/context", updateProspect),
        Route("GET", "/tags/colors") { _ in .ok(Platforms.colors) },
        Route("GET", "/tags") { context in
            .ok(.array(try context.read { try $0.tags() }.map(V1Encoding.tag)))
        },
        Route("POST", "/tags") { context in
            let (name, color) = try nameAndColor(&context)
            return .ok(
                V1Encoding.tag(try context.write { try $0.createTag(name: name, color: color) }))
        },
        Route("GET", "/tags/{tagId}") { context in
            let id = context.parameter("tagId")
            return .ok(V1Encoding.tag(try context.read { try $0.tag(reference: id) }))
        },
        Route("GET", "/statuses/colors") { _ in .ok(Platforms.colors) },
        Route("GET", "/statuses") { context in
            .ok(.array(try context.read { try $0.statuses() }.map(V1Encoding.status)))
        },
        Route("POST", "/statuses") { context in
            let (name, color) = try nameAndColor(&context)
            return .ok(
                V1Encoding.status(
                    try context.write { try $0.createStatus(name: name, color: color) }))
        },
        Route("GET", "/statuses/{statusId}") { context in
            let id = context.parameter("statusId")
            return .ok(V1Encoding.status(try context.read { try $0.status(reference: id) }))
        },
        Route("GET", "/colors") { _ in .ok(Platforms.colors) },
        Route("GET", "/events", listEvents),
    ]

    static func nameAndColor(_ context: inout RouteContext) throws -> (String, String?) {
        var fields = context.fields
        let name = fields.string("name", required: true, minLength: 1, maxLength: 255)
        var color: String?
        if case .set(let value) = fields.nullableString("color") { color = value }
        try fields.finish()
        return (name ?? "", color)
    }

    static func listEvents(_ context: inout RouteContext) throws -> RouteReply {
        let afterSeq = context.query.int("afterSeq", atLeast: 0) ?? 0
        let limit = context.query.int("limit", in: 1...1000, default: 100)
        try context.query.finish()
        return try context.read { db in
            let team = try db.team().id
            let page = try db.events(afterSeq: afterSeq, types: [], limit: limit)
            let visible = page.events.filter { EventLog.legacyType($0.type) != nil }
            return .ok(
                .object([
                    ("events", .array(visible.map { V1Encoding.event($0, team: team) })),
                    ("hasMore", .bool(page.hasMore)),
                    ("lastSeq", page.events.last.map { .int($0.seq) } ?? .null),
                ]))
        }
    }
}
