import InboxClient
import LuaKit

/// A Lua function found by name in a host, to call many times from Swift.
///
/// Each call is one run under the host's limits: a rule that loops forever or allocates too
/// much fails that call with a ``LuaError`` and leaves the host usable.
public struct ScriptFunction {
    /// The name it was looked up by.
    public let name: String

    /// The function itself.
    public let value: LuaValue

    let host: ScriptHost
    private let pinned: LuaPinnedFunction

    init(name: String, value: LuaValue, host: ScriptHost) throws {
        self.name = name
        self.value = value
        self.host = host
        pinned = try LuaPinnedFunction(value, in: host.lua)
    }

    /// Calls the function with Lua values and returns its results.
    public func call(_ arguments: [LuaValue]) throws -> [LuaValue] {
        try pinned.call(arguments)
    }

    /// Calls the function with Lua values and returns its results.
    public func callAsFunction(_ arguments: LuaValue...) throws -> [LuaValue] {
        try call(arguments)
    }

    /// Calls the function with one Swift value, which Lua receives as a fresh table, and
    /// returns the first result (`.nil` when there is none): the fast way to run a rule for
    /// many people. See ``LuaRecord``.
    public func call(_ record: some LuaRecord) throws -> LuaValue {
        try pinned.call(record)
    }

    /// Calls the function with JSON values (a person, a thread, as the API sends them) and
    /// returns its results as JSON. Ids stay exact, `null` is `json.null`, arrays stay arrays.
    ///
    /// - Throws: ``LuaError`` from the call, or ``ScriptValueError`` when a result has no
    ///   JSON form (a function, a mixed table).
    public func call(json arguments: [JSONValue]) throws -> [JSONValue] {
        let results = try call(arguments.map(LuaValue.init(json:)))
        return try results.map { try JSONValue(lua: $0) }
    }
}
