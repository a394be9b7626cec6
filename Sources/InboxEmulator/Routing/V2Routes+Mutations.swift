import InboxClient

/// v2 message edits, deletions, reactions, history, attachments and typing.
///
/// The emulator's X account links advertise no `message:edit`,
/// `message:delete:self`, `message:unsend`, `message:react` or
/// `thread:typing:send` capability (it keeps no encrypted X Chat threads), so
/// these answer `422 capabilityNotSupported` after the usual checks, exactly
/// as the service does for an account link without them.
extension V2Routes {
    static let mutations: [Route] = [
        Route("PATCH", "/messages/{messageId}") { context in
            try context.requireBody(with: "content")
            return try refuse(&context, "message:edit")
        },
        Route("DELETE", "/messages/{messageId}") { context in
            let scope = context.query.required("scope")
            if !scope.isEmpty, !["self", "all"].contains(scope) {
                throw APIProblem.invalid(["scope"], "Expected self or all")
            }
            try context.query.finish()
            return try refuse(&context, scope == "self" ? "message:delete:self" : "message:unsend")
        },
        Route("POST", "/messages/{messageId}/reactions") { context in
            try context.requireBody(with: "emoji")
            return try refuse(&context, "message:react")
        },
        Route("DELETE", "/messages/{messageId}/reactions") { context in
            _ = context.query.required("emoji")
            try context.query.finish()
            return try refuse(&context, "message:react")
        },
        Route("GET", "/messages/{messageId}/history") { context in
            let id = context.parameter("messageId")
            let message = try context.read { try $0.message(id) }
            let version = JSONValue.object([
                ("content", .string(message.content)),
                ("createdAt", .string(Timestamp.format(message.createdAt))),
                (
                    "origin",
                    .string(
                        message.origin == "external"
                            ? "platform" : message.origin == "api" ? "api" : "inbox")
                ),
            ])
            return .ok(
                .object([
                    ("versions", .array([version])), ("deletion", .null),
                    ("times", .string("observed")),
                ]))
        },
        Route("GET", "/messages/{messageId}/attachments/{index}") { context in
            let id = context.parameter("messageId")
            _ = try context.read { try $0.message(id) }
            guard let index = Int(context.parameter("index")), index >= 0 else {
                throw APIProblem.invalid(["index"], "Expected an integer >= 0")
            }
            throw APIProblem.invalid(["index"], "The message has no attachment \(index)")
        },
        Route("POST", "/threads/{threadId}/typing") { context in
            let id = context.parameter("threadId")
            _ = try context.read { try $0.thread(id) }
            throw APIProblem.capabilityNotSupported("thread:typing:send")
        },
        Route("PATCH", "/tags/{tagRef}", LabelRoutes.updateTag),
        Route("DELETE", "/tags/{tagRef}", LabelRoutes.deleteTag),
        Route("PATCH", "/statuses/{statusRef}", LabelRoutes.updateStatus),
        Route("DELETE", "/statuses/{statusRef}", LabelRoutes.deleteStatus),
    ]

    /// 404 when the message is unknown, else the capability refusal.
    private static func refuse(_ context: inout RouteContext, _ capability: String) throws
        -> RouteReply
    {
        let id = context.parameter("messageId")
        _ = try context.read { try $0.message(id) }
        throw APIProblem.capabilityNotSupported(capability)
    }
}
