import CLua

extension LuaPinnedFunction {
    /// Calls the function with `record`, which Lua receives as a fresh table (a script may
    /// keep it: later calls get tables of their own), and returns the first result, or `.nil`
    /// when there is none.
    ///
    /// This is the fast way to call a rule many times: the keys of `Record` become Lua strings
    /// once per state, and the values go straight onto the Lua stack. Each call is one run
    /// under the state's ``LuaLimits``, like ``call(_:)``, and leaves the stack as it found it.
    ///
    /// - Throws: ``LuaError`` from the call or a limit, from a value that cannot be pushed,
    ///   or when `record` writes more values than it has keys; or what `record` throws.
    public func call<Record: LuaRecord>(_ record: Record) throws -> LuaValue {
        let lua = try state.runningThread()
        let base = lua_gettop(lua)
        defer { lua_settop(lua, base) }
        let keys = try recordKeys(Record.self, lua)

        try state.ensureStack(lua, 6)
        lua_pushcclosure(lua, inbox_lua_msgh, 0)  // a light C function: no allocation
        lua_rawgeti(lua, inbox_lua_registryindex(), reference)
        lua_createtable(lua, 0, Int32(truncatingIfNeeded: keys.count))
        lua_rawgeti(lua, inbox_lua_registryindex(), keys.reference)
        var writer = LuaRecordWriter(
            state: state, lua: lua, keys: base + 4, table: base + 3, count: keys.count)
        try record.write(to: &writer)
        guard !writer.overflowed else {
            throw LuaError(
                kind: .runtime,
                message: "\(Record.self) wrote more values than its \(keys.count) keys")
        }
        inbox_lua_pop(lua, 1)
        try state.checkMemory(lua)

        let handler = base + 1
        if let error = state.protectedCall(lua, arguments: 1, results: 1, handler: handler) {
            throw error
        }
        let result = handler + 1
        if lua_type(lua, result) == LUA_TSTRING {
            _ = isLastString(at: result, lua)
            return lastString
        }
        return try state.value(at: result, lua)
    }

    /// The keys of `Record`, from the last call when it passed the same type.
    private func recordKeys<Record: LuaRecord>(
        _ record: Record.Type, _ lua: OpaquePointer
    ) throws -> LuaRecordKeys {
        if let last = lastKeys, last.type == ObjectIdentifier(record) {
            return last
        }
        let keys = try state.keys(of: record, lua)
        lastKeys = keys
        return keys
    }
}
