/// Reads of profiles (platform facts) and contacts (the team's records).
extension SQLiteConnection {
    func profile(_ id: String) throws -> ProfileRecord {
        let sql = "SELECT \(Columns.profile) FROM profiles WHERE id = ?"
        guard let found = try row(sql, [.text(id)], { $0.profile() }) else {
            throw APIProblem.internalFailure
        }
        return found
    }

    func profile(platformId: String) throws -> ProfileRecord? {
        try row(
            "SELECT \(Columns.profile) FROM profiles WHERE platform_id = ?", [.text(platformId)]
        ) { $0.profile() }
    }

    func profiles(username: String) throws -> [ProfileRecord] {
        try rows(
            "SELECT \(Columns.profile) FROM profiles WHERE username = ? ORDER BY id",
            [.text(username)]
        ) { $0.profile() }
    }

    /// A contact with its tag ids, or nil.
    func findContact(_ id: String) throws -> ContactRecord? {
        let sql = "SELECT \(Columns.contact) FROM contacts WHERE id = ?"
        guard var found = try row(sql, [.text(id)], { $0.contact() }) else { return nil }
        found.tagIds = try tagIds(contactId: id)
        return found
    }

    /// A contact with its tag ids; 404 `contactNotFound` when there is none.
    func contact(_ id: String, kind: ResourceKind = .contact) throws -> ContactRecord {
        guard let found = try findContact(id) else { throw APIProblem.notFound(kind, id) }
        return found
    }

    func contact(profileId: String) throws -> ContactRecord? {
        let sql = "SELECT id FROM contacts WHERE profile_id = ?"
        guard let id = try row(sql, [.text(profileId)], { $0.text(0) }) else { return nil }
        return try findContact(id)
    }

    func tagIds(contactId: String) throws -> [String] {
        try rows(
            """
            SELECT ct.tag_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
            WHERE ct.contact_id = ? ORDER BY t.created_at, t.id
            """, [.text(contactId)]
        ) { $0.text(0) }
    }

    /// Contacts whose profile has one of these platform ids or usernames.
    func contacts(platformIds: [String], usernames: [String]) throws -> [ContactRecord] {
        let values = platformIds.isEmpty ? usernames : platformIds
        guard !values.isEmpty else { return [] }
        let column = platformIds.isEmpty ? "p.username" : "p.platform_id"
        let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
        let ids = try rows(
            """
            SELECT c.id FROM contacts c JOIN profiles p ON p.id = c.profile_id
            WHERE \(column) IN (\(marks)) ORDER BY c.created_at, c.id
            """, values.map(SQLiteValue.text)
        ) { $0.text(0) }
        return try ids.map { try contact($0) }
    }
}
