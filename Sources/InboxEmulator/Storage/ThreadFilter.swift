import FoundationEssentials

/// Which threads a list asks for, in terms both API versions map onto.
struct ThreadFilter {
    /// Folders: the v2 names; v1's `inbox` values map onto them.
    enum Folder: String {
        case inbox, noReply, awaitingReply, requests, archived, all
    }

    var accountLinkIds: [String] = []
    var contactIds: [String] = []
    var folder: Folder = .inbox
    var tagIds: [String]?
    var noTags = false
    var statusIds: [String]?
    var noStatus = false
    var assigneeIds: [String]?
    var unassigned = false
    var search: String?
    var ascending = false
    var limit = 50
    /// Keyset position: the (sort time, id) of the last row already seen.
    var after: (sortAt: Int64, id: String)?
}

/// One page of rows and whether more follow.
struct Page<Row> {
    var rows: [Row]
    /// The (sort key, id) of the last row when another page exists.
    var next: (key: Int64, id: String)?
}

extension SQLiteConnection {
    /// The thread with `id`, unless deleted; 404 otherwise.
    func thread(_ id: String) throws -> ThreadRecord {
        let sql = "SELECT \(Columns.thread) FROM threads WHERE id = ? AND deleted = 0"
        guard let found = try row(sql, [.text(id)], { $0.thread() }) else {
            throw APIProblem.notFound(.thread, id)
        }
        return found
    }

    /// The thread between an account link and a contact, unless deleted.
    func thread(accountLinkId: String, contactId: String) throws -> ThreadRecord? {
        try row(
            """
            SELECT \(Columns.thread) FROM threads
            WHERE account_link_id = ? AND contact_id = ? AND deleted = 0
            """, [.text(accountLinkId), .text(contactId)]
        ) { $0.thread() }
    }

    /// Threads in inbox order (latest activity first unless ascending), by
    /// keyset: a row's place never depends on rows inserted after the cursor
    /// was issued, so pages neither repeat nor skip while others write.
    func threads(_ filter: ThreadFilter) throws -> Page<ThreadRecord> {
        var conditions = ["t.deleted = 0"]
        var arguments: [SQLiteValue] = []
        func list(_ column: String, _ values: [String]) {
            conditions.append("\(column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))")
            arguments += values.map(SQLiteValue.text)
        }
        if !filter.accountLinkIds.isEmpty { list("t.account_link_id", filter.accountLinkIds) }
        if !filter.contactIds.isEmpty { list("t.contact_id", filter.contactIds) }
        let lastDirection = """
            (SELECT m.direction FROM messages m WHERE m.thread_id = t.id
             ORDER BY m.created_at DESC, m.id DESC LIMIT 1)
            """
        switch filter.folder {
        case .inbox: conditions.append("t.archived = 0 AND t.is_request = 0")
        case .noReply:
            conditions.append(
                "t.archived = 0 AND t.is_request = 0 AND \(lastDirection) = 'inbound'")
        case .awaitingReply:
            conditions.append(
                "t.archived = 0 AND t.is_request = 0 AND \(lastDirection) = 'outbound'")
        case .requests: conditions.append("t.archived = 0 AND t.is_request = 1")
        case .archived: conditions.append("t.archived = 1")
        case .all: break
        }
        let tagged = "EXISTS (SELECT 1 FROM contact_tags ct WHERE ct.contact_id = t.contact_id"
        if let tagIds = filter.tagIds {
            conditions.append(
                "\(tagged) AND ct.tag_id IN (\(tagIds.map { _ in "?" }.joined(separator: ", "))))")
            arguments += tagIds.map(SQLiteValue.text)
        }
        if filter.noTags { conditions.append("NOT \(tagged))") }
        if let statusIds = filter.statusIds { list("c.status_id", statusIds) }
        if filter.noStatus { conditions.append("c.status_id IS NULL") }
        if let assigneeIds = filter.assigneeIds {
            list("COALESCE(t.assignee_id, c.assignee_id)", assigneeIds)
        }
        if filter.unassigned { conditions.append("COALESCE(t.assignee_id, c.assignee_id) IS NULL") }
        if let search = filter.search {
            conditions.append(
                """
                (p.display_name LIKE ?1x OR p.username LIKE ?1x OR (SELECT m.content FROM messages m
                 WHERE m.thread_id = t.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) LIKE ?1x)
                """.replacing("?1x", with: "?"))
            let pattern = SQLiteValue.text("%\(search)%")
            arguments += [pattern, pattern, pattern]
        }
        let direction = filter.ascending ? "ASC" : "DESC"
        if let after = filter.after {
            let beyond = filter.ascending ? ">" : "<"
            conditions.append("(t.sort_at \(beyond) ? OR (t.sort_at = ? AND t.id \(beyond) ?))")
            arguments += [.int(after.sortAt), .int(after.sortAt), .text(after.id)]
        }
        let sql = """
            SELECT \(Columns.qualified(Columns.thread, "t"))
            FROM threads t JOIN contacts c ON c.id = t.contact_id
            JOIN profiles p ON p.id = c.profile_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY t.sort_at \(direction), t.id \(direction) LIMIT ?
            """
        arguments.append(.int(Int64(filter.limit + 1)))
        let found = try rows(sql, arguments) { $0.thread() }
        return Page(rows: found, limit: filter.limit) { ($0.sortAt, $0.id) }
    }

    /// The newest message of a thread, or nil when it has none.
    func lastMessage(threadId: String) throws -> MessageRecord? {
        try row(
            """
            SELECT \(Columns.message) FROM messages WHERE thread_id = ?
            ORDER BY created_at DESC, id DESC LIMIT 1
            """, [.text(threadId)]
        ) { $0.message() }
    }
}

extension Page {
    /// A page from `limit + 1` fetched rows: the extra row only says another
    /// page exists.
    init(rows fetched: [Row], limit: Int, key: (Row) -> (Int64, String)) {
        rows = Array(fetched.prefix(limit))
        next = fetched.count > limit ? rows.last.map(key).map { (key: $0.0, id: $0.1) } : nil
    }
}
