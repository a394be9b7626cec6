import CSQLite

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    /// Text, or NULL for nil.
    static func optional(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }

    /// An integer, or NULL for nil.
    static func optional(_ value: Int64?) -> SQLiteValue { value.map(SQLiteValue.int) ?? .null }

    /// A boolean stored as 0 or 1.
    static func bool(_ value: Bool) -> SQLiteValue { .int(value ? 1 : 0) }
}

/// One compiled statement, finalised when released.
final class SQLiteStatement {
    private let connection: SQLiteConnection
    private let handle: OpaquePointer
    private let sql: String

    init(connection: SQLiteConnection, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection.pointer, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw connection.failure(code, sql: sql)
        }
        self.connection = connection
        self.handle = statement
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Makes the statement ready to run again, with no values bound.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds `values` to the parameters 1...n.
    func bind(_ values: [SQLiteValue]) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .int(let number): code = sqlite3_bind_int64(handle, index, number)
            case .double(let number): code = sqlite3_bind_double(handle, index, number)
            case .text(let string):
                code = sqlite3_bind_text(handle, index, string, -1, inbox_sqlite_transient())
            }
            guard code == SQLITE_OK else { throw connection.failure(code, sql: sql) }
        }
    }

    /// Advances to the next row: true when there is one, false when done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.failure(code, sql: sql)
        }
    }

    /// The integer in column `index` (0 for NULL).
    func int(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// The integer in column `index`, or nil for NULL.
    func optionalInt(_ index: Int32) -> Int64? {
        sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : int(index)
    }

    /// The number in column `index`, or nil for NULL.
    func optionalDouble(_ index: Int32) -> Double? {
        sqlite3_column_type(handle, index) == SQLITE_NULL
            ? nil : sqlite3_column_double(handle, index)
    }

    /// The boolean stored as 0/1 in column `index`.
    func bool(_ index: Int32) -> Bool { int(index) != 0 }

    /// The text in column `index` ("" for NULL).
    func text(_ index: Int32) -> String { optionalText(index) ?? "" }

    /// The text in column `index`, or nil for NULL.
    func optionalText(_ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: bytes)
    }
}

// MARK: - Untyped access, for export and import

extension SQLiteStatement {
    /// How many columns each row has.
    var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The name of column `index`.
    func columnName(_ index: Int32) -> String {
        String(cString: sqlite3_column_name(handle, index))
    }

    /// Column `index` as whichever value SQLite holds.
    func value(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .int(int(index))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(handle, index))
        case SQLITE_NULL: return .null
        default: return .text(text(index))
        }
    }
}
