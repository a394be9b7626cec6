/// Reads of the team's settings: the team, members, account links, tags and
/// statuses. Lookups by id throw the matching 404.
extension SQLiteConnection {
    func team() throws -> TeamRecord {
        let sql = "SELECT id, name, slug, currency, created_at FROM team LIMIT 1"
        guard
            let team = try row(
                sql, [],
                {
                    TeamRecord(
                        id: $0.text(0), name: $0.text(1), slug: $0.text(2), currency: $0.text(3),
                        createdAt: $0.int(4))
                })
        else { throw APIProblem.internalFailure }
        return team
    }

    func members() throws -> [MemberRecord] {
        try rows("SELECT \(Columns.member) FROM members ORDER BY created_at, id") { $0.member() }
    }

    func member(_ id: String) throws -> MemberRecord {
        let found = try row("SELECT \(Columns.member) FROM members WHERE id = ?", [.text(id)]) {
            $0.member()
        }
        guard let found else { throw APIProblem.notFound(.member, id) }
        return found
    }

    func accountLinks() throws -> [AccountLinkRecord] {
        try rows("SELECT \(Columns.accountLink) FROM account_links ORDER BY created_at, id") {
            $0.accountLink()
        }
    }

    func accountLink(_ id: String) throws -> AccountLinkRecord {
        let sql = "SELECT \(Columns.accountLink) FROM account_links WHERE id = ?"
        guard let found = try row(sql, [.text(id)], { $0.accountLink() }) else {
            throw APIProblem.notFound(.accountLink, id)
        }
        return found
    }

    func tags() throws -> [TagRecord] {
        try rows("SELECT \(Columns.tag) FROM tags ORDER BY name COLLATE NOCASE, id") { $0.tag() }
    }

    /// A tag by id or, failing that, by name ignoring case.
    func tag(reference: String) throws -> TagRecord {
        try label("tags", Columns.tag, reference, .tag) { $0.tag() }
    }

    func statuses() throws -> [StatusRecord] {
        try rows("SELECT \(Columns.status) FROM statuses ORDER BY position, id") { $0.status() }
    }

    /// A status by id or, failing that, by name ignoring case.
    func status(reference: String) throws -> StatusRecord {
        try label("statuses", Columns.status, reference, .status) { $0.status() }
    }

    /// A tag or status row by id, else by name; when one row's id is another's
    /// name, the id wins, as the service documents.
    // TODO: names should also match ignoring accents, as the service's do.
    private func label<Row>(
        _ table: String, _ columns: String, _ reference: String, _ kind: ResourceKind,
        _ read: (SQLiteStatement) -> Row
    ) throws -> Row {
        let sql = """
            SELECT \(columns) FROM \(table) WHERE id = ?1 OR name = ?1 COLLATE NOCASE
            ORDER BY id = ?1 DESC LIMIT 1
            """
        guard let found = try row(sql, [.text(reference)], read) else {
            throw APIProblem.notFound(kind, reference)
        }
        return found
    }
}
