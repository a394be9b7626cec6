import InboxClient

/// v1 message edits, deletions, reactions, history, typing and thread
/// settings. Edits, deletions and reactions need an X Chat thread; the
/// emulator's threads are all unencrypted, so those answer 422 after the
/// usual checks.
extension V1Routes {
    static let mutations: [Route] = [
        Route("PATCH", "/threads/{threadId}/messages/{messageId}") { context in
            try context.requireBody(with: "content")
            return try refuse(&context, "message:edit")
        },
        Route("DELETE", "/threads/{threadId}/messages/{messageId}") { context in
            var fields = context.fields
            let forAll = fields.bool("deleteForAll") ?? true
            try fields.finish()
            return try refuse(&context, forAll ? "message:unsend" : "message:delete:self")
        },
        Route("POST", "/threads/{threadId}/messages/{messageId}/reactions/reactions") { context in
            try react(&context)
        },
        Route("DELETE", "/threads/{threadId}/messages/{messageId}/reactions/reactions") {
            context in try react(&context)
        },
        Route("GET", "/threads/{threadId}/messages/{messageId}/history") { context in
            let message = try checkedMessage(&context)
            return try context.read { db in
                let team = try db.team().id
                var version = try V1Encoding.message(message, team: team, in: db).pairs ?? []
                version += [
                    ("campaignStepId", .null), ("editOrigin", .null), ("expandedData", .null),
                ]
                return .ok(
                    .object([("versions", .array([.object(version)])), ("deletion", .null)]))
            }
        },
        Route("POST", "/threads/{threadId}/typing") { context in
            let id = context.parameter("threadId")
            _ = try context.read { try $0.thread(id) }
            return .ok(
                .object([("status", .string("skipped")), ("reason", .string("unsupported"))]))
        },
        Route("PATCH", "/threads/{threadId}/settings") { context in
            var fields = context.fields
            var typing: String?
            switch fields.nullableBool("typingIndicatorsEnabled") {
            case .set(true): typing = "enabled"
            case .set(false): typing = "disabled"
            case .set(nil): typing = "teamDefault"
            case .unchanged: break
            }
            try fields.finish()
            let id = context.parameter("threadId")
            let thread = try context.write { try $0.updateThread(id, typing: typing) }
            let enabled: JSONValue =
                thread.typing == "teamDefault" ? .null : .bool(thread.typing == "enabled")
            return .ok(.object([("threadId", .string(id)), ("typingIndicatorsEnabled", enabled)]))
        },
        Route("PATCH", "/tags/{tagId}", LabelRoutes.updateTag),
        Route("DELETE", "/tags/{tagId}", LabelRoutes.deleteTag),
        Route("PATCH", "/statuses/{statusId}", LabelRoutes.updateStatus),
        Route("DELETE", "/statuses/{statusId}", LabelRoutes.deleteStatus),
    ]

    private static func react(_ context: inout RouteContext) throws -> RouteReply {
        try context.requireBody(with: "emoji")
        return try refuse(&context, "message:react")
    }

    /// The path's message, which must belong to the path's thread.
    private static func checkedMessage(_ context: inout RouteContext) throws -> MessageRecord {
        let threadId = context.parameter("threadId")
        let id = context.parameter("messageId")
        return try context.read { db in
            _ = try db.thread(threadId)
            let message = try db.message(id)
            guard message.threadId == threadId else { throw APIProblem.notFound(.message, id) }
            return message
        }
    }

    private static func refuse(_ context: inout RouteContext, _ capability: String) throws
        -> RouteReply
    {
        _ = try checkedMessage(&context)
        throw APIProblem.capabilityNotSupported(capability)
    }
}
