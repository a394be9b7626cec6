import InboxClient

/// The whole team as one JSON document, so a user can snapshot a team and
/// replay it later (`inbox-lua emulator export` / `import`).
///
/// Shape: `{"format": "inbox-lua-emulator", "schemaVersion": 1,
/// "tables": {"threads": [{"id": ..., ...}], ...}}`, one object per row
/// with the store's column names.
extension EmulatorStore {
    static let snapshotFormat = "inbox-lua-emulator"

    /// Every row of every table, as JSON text.
    public func exportTeam() throws -> [UInt8] {
        try read { db in
            var tables: [(String, JSONValue)] = []
            for table in StoreSchema.tables.reversed() {
                let statement = try db.prepare("SELECT * FROM \(table) ORDER BY rowid")
                var rows: [JSONValue] = []
                while try statement.step() {
                    let columns = (0..<statement.columnCount).map { index in
                        (statement.columnName(index), Self.json(statement.value(index)))
                    }
                    rows.append(.object(columns))
                }
                tables.append((table, .array(rows)))
            }
            return JSONValue.object([
                ("format", .string(Self.snapshotFormat)),
                ("schemaVersion", .int(StoreSchema.version)), ("tables", .object(tables)),
            ]).bytes
        }
    }

    /// Replaces the whole team with a document ``exportTeam()`` wrote. Runs in
    /// one transaction: a document that fails to load leaves the team as it was.
    public func importTeam(_ document: [UInt8]) throws {
        guard let json = JSONValue.parse(bytes: document),
            json["format"] == .string(Self.snapshotFormat),
            json["schemaVersion"] == .int(StoreSchema.version),
            let tables = json["tables"]?.pairs
        else {
            throw EmulatorFailure(
                reason: "Cannot import the team: not an inbox-lua emulator export of this version")
        }
        try write { db in
            try Self.wipe(db)
            for (table, rows) in tables {
                guard StoreSchema.tables.contains(table) else {
                    throw EmulatorFailure(
                        reason: "Cannot import the team: unknown table '\(table)'")
                }
                let known = Set(try db.rows("PRAGMA table_info(\(table))") { $0.text(1) })
                for row in rows.arrayValue ?? [] {
                    guard let pairs = row.pairs, !pairs.isEmpty,
                        pairs.allSatisfy({ known.contains($0.0) })
                    else {
                        throw EmulatorFailure(
                            reason:
                                "Cannot import the team: a row of '\(table)' has unknown columns")
                    }
                    let names = pairs.map(\.0).joined(separator: ", ")
                    let marks = pairs.map { _ in "?" }.joined(separator: ", ")
                    try db.run(
                        "INSERT INTO \(table) (\(names)) VALUES (\(marks))",
                        try pairs.map { try Self.value($0.1) })
                }
            }
        }
    }

    private static func json(_ value: SQLiteValue) -> JSONValue {
        switch value {
        case .null: .null
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .text(let text): .string(text)
        }
    }

    private static func value(_ json: JSONValue) throws -> SQLiteValue {
        switch json {
        case .null: return .null
        case .integer(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .text(text)
        case .bool(let flag): return .bool(flag)
        default:
            throw EmulatorFailure(
                reason: "Cannot import the team: a column holds an array or object")
        }
    }
}
