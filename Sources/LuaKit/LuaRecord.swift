/// A Swift value that Lua receives as a fresh table with fixed string keys, written field by
/// field onto the Lua stack with no ``LuaTable`` in between: the fast way to pass a person or
/// a thread to a rule called many times.
///
/// ```swift
/// struct Person: LuaRecord {
///     var username: String
///     var followerCount: Int
///
///     static let luaKeys = ["username", "followerCount"]
///
///     func write(to table: inout LuaRecordWriter) throws {
///         table.write(username)
///         table.write(followerCount)
///     }
/// }
/// ```
///
/// A state reads ``luaKeys`` once per type and keeps the keys as Lua strings, so that each
/// call only pushes the values.
public protocol LuaRecord {
    /// The table's keys, in the order ``write(to:)`` writes their values; read once per type
    /// and state. Keys must be distinct.
    static var luaKeys: [String] { get }

    /// Writes the value of each of ``luaKeys``, in order. A value may be skipped (the key is
    /// then absent), but no more values may be written than there are keys.
    func write(to table: inout LuaRecordWriter) throws
}
