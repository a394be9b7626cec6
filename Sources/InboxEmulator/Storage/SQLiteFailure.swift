/// A failure reported by SQLite: the result code, SQLite's message and the
/// statement that failed (its text only, never the bound values).
public struct SQLiteFailure: Swift.Error, CustomStringConvertible, Sendable {
    /// The primary or extended SQLite result code.
    public let code: Int32
    /// SQLite's own explanation.
    public let message: String
    /// The SQL text being run, when there was one.
    public let sql: String?

    /// The code, message and statement, as one line.
    public var description: String {
        "SQLite error \(code): \(message)" + (sql.map { " (in \($0))" } ?? "")
    }
}
