import InboxClient

/// The team's event log: appended inside the writing transaction, read by
/// `GET /events`. Types are stored in their v2 spelling; v1 reads map them.
// TODO: the service keeps events for 7 days and at most 25,000 per team;
// the emulator keeps them all until `reset`.
enum EventLog {
    /// Appends one event; call only inside a write transaction.
    static func append(
        _ type: String, object: (type: String, id: String), data: JSONValue,
        at time: Int64, in db: SQLiteConnection
    ) throws {
        var ids = IdentifierGenerator.random()
        try db.run(
            """
            INSERT INTO events (id, type, object_type, object_id, data, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                .text(ids.inboxId()), .text(type), .text(object.type), .text(object.id),
                .text(data.jsonText), .int(time),
            ])
    }

    /// The API path of an event's object.
    static func url(type: String, id: String) -> String {
        switch type {
        case "thread": "/threads/\(id)"
        case "message": "/messages/\(id)"
        case "contact": "/contacts/\(id)"
        case "tag": "/tags/\(id)"
        case "status": "/statuses/\(id)"
        default: "/\(type)s/\(id)"
        }
    }

    /// The v1 name of a stored (v2) event type, or nil when v1 has none.
    static func legacyType(_ type: String) -> String? {
        switch type {
        case "message.sent", "message.received": "message.created"
        case "contact.assigneeChanged": nil
        case _ where type.hasPrefix("contact."): "prospect." + type.dropFirst("contact.".count)
        default: type
        }
    }

    /// The stored types a v1 type filter stands for.
    static let legacyOnlyTypes = ["contact.assigneeChanged"]
}
