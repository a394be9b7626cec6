import InboxClient

/// `POST /api/v2/messages`: sends with optional idempotency keys.
///
/// Sends run one at a time inside the store's transaction, so a concurrent
/// duplicate waits for the first and replays it: `409 sendInProgress` never
/// occurs here.
// TODO: idempotency keys never expire; the service forgets them after a while.
extension V2Routes {
    static func sendMessage(_ context: inout RouteContext) throws -> RouteReply {
        let key = context.request.header("idempotency-key")
        if let key,
            key.isEmpty || key.count > 255 || !key.utf8.allSatisfy({ (0x20...0x7e).contains($0) })
        {
            throw APIProblem.invalid(
                ["Idempotency-Key"], "Expected 1 to 255 printable ASCII characters")
        }
        let request = try SendRequest(context.body)
        let canonical = context.body?.canonical.jsonText ?? ""
        return try context.write { writes in
            if let key {
                let stored = try writes.db.row(
                    "SELECT request, response FROM idempotency_keys WHERE key = ?", [.text(key)]
                ) { ($0.text(0), $0.text(1)) }
                if let stored {
                    guard stored.0 == canonical else { throw APIProblem.idempotencyKeyReused }
                    return .ok(JSONValue.parse(bytes: Array(stored.1.utf8)) ?? .null)
                }
            }
            let thread = try request.target.resolve(with: writes)
            let message = try writes.send(request.content, in: thread, replyTo: request.replyTo)
            let result = JSONValue.object([
                ("message", try V2Encoding.message(message, in: writes.db)),
                ("thread", try V2Encoding.thread(try writes.db.thread(thread.id), in: writes.db)),
            ])
            if let key {
                try writes.db.run(
                    """
                    INSERT INTO idempotency_keys (key, request, response, created_at)
                    VALUES (?, ?, ?, ?)
                    """,
                    [.text(key), .text(canonical), .text(result.jsonText), .int(writes.now)])
            }
            return .created(result)
        }
    }
}

/// A parsed v2 `SendRequest`.
private struct SendRequest {
    enum Target {
        case thread(String)
        case contact(accountLinkId: String, contactId: String)
        case profile(accountLinkId: String, platform: String, platformId: String)

        /// The thread to send into, created for a contact or profile target
        /// when there is none yet.
        func resolve(with writes: TeamWrites) throws -> ThreadRecord {
            switch self {
            case .thread(let id):
                return try writes.db.thread(id)
            case .contact(let accountLinkId, let contactId):
                _ = try writes.db.accountLink(accountLinkId)
                let contact = try writes.db.contact(contactId)
                return try writes.openThread(accountLinkId: accountLinkId, contact: contact).thread
            case .profile(let accountLinkId, let platform, let platformId):
                _ = try writes.db.accountLink(accountLinkId)
                guard platform == "twitter" else { throw APIProblem.platformNotSupported(platform) }
                let contact = try writes.contact(platformId: platformId)
                return try writes.openThread(accountLinkId: accountLinkId, contact: contact).thread
            }
        }
    }

    var target: Target
    var content: String
    var replyTo: String?

    init(_ body: JSONValue?) throws {
        var fields = BodyReader(body)
        let targetObject = fields.object("target", required: true)
        content = fields.string("content", required: true, minLength: 1) ?? ""
        replyTo = fields.string("replyToMessageId", inboxId: true)
        var nested = BodyReader(targetObject ?? .object([]), at: ["target"])
        let type = nested.string("type", required: targetObject != nil)
        var parsed: Target?
        switch type {
        case "thread":
            parsed = nested.string("threadId", required: true, inboxId: true).map(Target.thread)
        case "contact":
            let link = nested.string("accountLinkId", required: true, inboxId: true)
            let contact = nested.string("contactId", required: true, inboxId: true)
            if let link, let contact { parsed = .contact(accountLinkId: link, contactId: contact) }
        case "profile":
            let link = nested.string("accountLinkId", required: true, inboxId: true)
            let platform = nested.string("platform", required: true, minLength: 1)
            let platformId = nested.string("platformId", required: true, minLength: 1)
            if let link, let platform, let platformId {
                parsed = .profile(accountLinkId: link, platform: platform, platformId: platformId)
            }
        case nil: break
        default:
            fields.absorb(nested)
            throw APIProblem.invalid(["target", "type"], "Expected thread, contact or profile")
        }
        if targetObject != nil { fields.absorb(nested) }
        try fields.finish()
        guard let parsed else { throw APIProblem.invalid(["target"], "Required") }
        target = parsed
    }
}
