import CSQLite

/// One SQLite connection, owned by exactly one object that closes it.
///
/// Not thread-safe by itself: the store serialises every use behind its lock.
final class SQLiteConnection {
    private var handle: OpaquePointer?
    /// Compiled statements by SQL text: a page of threads runs the same few
    /// queries for every row, and compiling them dominated the time.
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (creating when missing) the database at `path`, or a private
    /// in-memory database for `:memory:`.
    init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            throw SQLiteFailure(code: code, message: message, sql: nil)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        // Another process (or `inbox-lua emulator serve`) may hold the write
        // lock briefly; wait for it rather than failing at once.
        sqlite3_busy_timeout(db, 5000)
    }

    deinit { close() }

    /// Closes the connection; closing twice is harmless.
    func close() {
        // The cached statements hold the connection; drop them first.
        statements.removeAll()
        guard let handle else { return }
        sqlite3_close_v2(handle)
        self.handle = nil
    }

    var pointer: OpaquePointer {
        guard let handle else { preconditionFailure("SQLite connection used after close") }
        return handle
    }

    /// Runs one or more statements that take no parameters and return no rows.
    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(pointer, sql, nil, nil, &errorMessage)
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(errorMessage)
            throw SQLiteFailure(code: code, message: message, sql: sql)
        }
    }

    /// A compiled statement for `sql`, ready to bind: reused from the cache
    /// when this text ran before. A statement is used by one caller at a time
    /// (`rows` reads all its rows before returning).
    func prepare(_ sql: String) throws -> SQLiteStatement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        let statement = try SQLiteStatement(connection: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs one statement with `arguments`, discarding any rows.
    func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Every row `sql` returns, each read by `read`.
    func rows<Row>(
        _ sql: String, _ arguments: [SQLiteValue] = [], _ read: (SQLiteStatement) throws -> Row
    ) throws -> [Row] {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        var result: [Row] = []
        while try statement.step() { result.append(try read(statement)) }
        return result
    }

    /// The first row `sql` returns, or nil.
    func row<Row>(
        _ sql: String, _ arguments: [SQLiteValue] = [], _ read: (SQLiteStatement) throws -> Row
    ) throws -> Row? {
        let statement = try prepare(sql)
        // Reset at once, so no half-read statement keeps a read snapshot open.
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? read(statement) : nil
    }

    /// Runs `body` in one immediate transaction: committed when it returns,
    /// rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    func failure(_ code: Int32, sql: String?) -> SQLiteFailure {
        SQLiteFailure(code: code, message: String(cString: sqlite3_errmsg(pointer)), sql: sql)
    }
}
