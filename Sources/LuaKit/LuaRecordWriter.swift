import CLua

/// Writes the values of a ``LuaRecord`` into the fresh table Lua will receive, one per key of
/// ``LuaRecord/luaKeys``, in order.
///
/// Each `write` sets the next key; `skip()` leaves it absent. Writing more values than there
/// are keys makes the call throw.
public struct LuaRecordWriter: ~Copyable {
    /// Unowned: a writer lives only inside a call, which keeps the state alive.
    unowned(unsafe) let state: LuaState
    let lua: OpaquePointer

    /// The stack slots of the keys table and of the table being written.
    let keys: Int32
    let table: Int32

    /// How many keys the record has, and how many values have been written or skipped.
    let count: lua_Integer
    private(set) var written: lua_Integer = 0

    init(state: LuaState, lua: OpaquePointer, keys: Int32, table: Int32, count: Int) {
        self.state = state
        self.lua = lua
        self.keys = keys
        self.table = table
        self.count = lua_Integer(count)
    }

    /// True when more values were written than the record has keys.
    var overflowed: Bool { written > count }

    /// Pushes the next key, or returns false (pushing nothing) when there is none.  [-0, +1|0, -]
    private mutating func pushKey() -> Bool {
        written += 1
        guard written <= count else { return false }
        lua_rawgeti(lua, keys, written)
        return true
    }

    /// Sets the key pushed by `pushKey` to the value on top.  [-2, +0, m]
    private func set() {
        lua_rawset(lua, table)
    }

    /// Writes an integer.
    public mutating func write(_ value: Int) {
        guard pushKey() else { return }
        lua_pushinteger(lua, lua_Integer(value))
        set()
    }

    /// Writes an integer, exact to 64 bits.
    public mutating func write(_ value: Int64) {
        guard pushKey() else { return }
        lua_pushinteger(lua, value)
        set()
    }

    /// Writes a float.
    public mutating func write(_ value: Double) {
        guard pushKey() else { return }
        lua_pushnumber(lua, value)
        set()
    }

    /// Writes a boolean.
    public mutating func write(_ value: Bool) {
        guard pushKey() else { return }
        lua_pushboolean(lua, value ? 1 : 0)
        set()
    }

    /// Writes a string, as its UTF-8 bytes.
    public mutating func write(_ value: String) {
        guard pushKey() else { return }
        let pushed: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = lua_pushlstring(lua, chars.baseAddress, chars.count)
            }
        }
        if pushed == nil {
            let bytes = Array(value.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    _ = lua_pushlstring(lua, chars.baseAddress, chars.count)
                }
            }
        }
        set()
    }

    /// Writes any Lua value (a nested table, `json.null`, a byte string); `.nil` skips the key.
    ///
    /// - Throws: ``LuaError`` for a value that cannot be pushed (a table nested too deeply,
    ///   a function of another state).
    public mutating func write(_ value: LuaValue) throws {
        if case .nil = value {
            skip()
            return
        }
        guard pushKey() else { return }
        try state.push(value, lua)  // on failure, the call's guard restores the stack
        set()
    }

    /// Leaves the next key absent, as a Lua table leaves a `nil` field.
    public mutating func skip() {
        written += 1
    }
}
