import FoundationEssentials

/// Reads of messages and the event log.
extension SQLiteConnection {
    /// A thread's messages, newest first unless `ascending`, by keyset.
    func messages(
        threadId: String, ascending: Bool, limit: Int, after: (createdAt: Int64, id: String)?
    ) throws -> Page<MessageRecord> {
        var sql = "SELECT \(Columns.message) FROM messages WHERE thread_id = ?"
        var arguments: [SQLiteValue] = [.text(threadId)]
        let beyond = ascending ? ">" : "<"
        if let after {
            sql += " AND (created_at \(beyond) ? OR (created_at = ? AND id \(beyond) ?))"
            arguments += [.int(after.createdAt), .int(after.createdAt), .text(after.id)]
        }
        let direction = ascending ? "ASC" : "DESC"
        sql += " ORDER BY created_at \(direction), id \(direction) LIMIT ?"
        arguments.append(.int(Int64(limit + 1)))
        let found = try rows(sql, arguments) { $0.message() }
        return Page(rows: found, limit: limit) { ($0.createdAt, $0.id) }
    }

    /// The message with `id`; 404 otherwise (also when its thread was deleted).
    func message(_ id: String) throws -> MessageRecord {
        let sql = """
            SELECT \(Columns.qualified(Columns.message, "m"))
            FROM messages m JOIN threads t ON t.id = m.thread_id WHERE m.id = ? AND t.deleted = 0
            """
        guard let found = try row(sql, [.text(id)], { $0.message() }) else {
            throw APIProblem.notFound(.message, id)
        }
        return found
    }

    /// Events after `afterSeq` (exclusive), oldest first, of the given types
    /// (all when empty), at most `limit`, plus whether more follow.
    func events(afterSeq: Int64, types: [String], limit: Int) throws -> (
        events: [EventRecord], hasMore: Bool
    ) {
        var sql = "SELECT \(Columns.event) FROM events WHERE seq > ?"
        var arguments: [SQLiteValue] = [.int(afterSeq)]
        if !types.isEmpty {
            sql += " AND type IN (\(types.map { _ in "?" }.joined(separator: ", ")))"
            arguments += types.map(SQLiteValue.text)
        }
        sql += " ORDER BY seq LIMIT ?"
        arguments.append(.int(Int64(limit + 1)))
        let found = try rows(sql, arguments) { $0.event() }
        return (Array(found.prefix(limit)), found.count > limit)
    }
}
