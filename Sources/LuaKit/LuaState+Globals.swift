import CLua

extension LuaState {
    /// The global `name`, read raw (no metamethods).
    ///
    /// In the sandbox profile these are the shared globals that every chunk reads through to.
    public func global(_ name: String) throws -> LuaValue {
        try withStack { state in
            try ensureStack(state, 2)
            pushGlobals(state)
            lua_pushstring(state, name)
            lua_rawget(state, -2)
            return try value(at: -1, state)
        }
    }

    /// Sets the global `name`, raw (no metamethods).
    public func setGlobal(_ name: String, _ value: LuaValue) throws {
        try withStack { state in
            try ensureStack(state, 3)
            pushGlobals(state)
            lua_pushstring(state, name)
            try push(value, state)
            try checkMemory(state)
            lua_rawset(state, -3)
        }
    }

    /// Sets the global `name` to a Swift function.
    public func register(_ name: String, _ body: @escaping LuaFunctionBody) throws {
        try setGlobal(name, function(named: name, body))
    }

    /// Registers a module that `require(name)` returns, through `package.preload`.
    ///
    /// The module table holds `functions` (each named after its key in argument errors) and
    /// `values`; in the sandbox profile scripts see it read-only.
    @discardableResult
    public func registerModule(
        _ name: String, functions: [String: LuaFunctionBody], values: [String: LuaValue] = [:]
    ) throws -> LuaValue {
        try withStack { state in
            try ensureStack(state, 5)
            lua_createtable(state, 0, Int32(clamping: functions.count + values.count))
            for (key, body) in functions {
                try pushFunction(LuaFunctionBox(name: key, body: body), state)
                inbox_lua_rawsetfield(state, -2, key)
            }
            for (key, element) in values {
                try push(element, state)
                inbox_lua_rawsetfield(state, -2, key)
            }
            if profile == .sandbox {
                inbox_lua_push_readonly(state)
            }

            try checkMemory(state)
            let registry = inbox_lua_registryindex()
            _ = luaL_getsubtable(state, registry, LUA_PRELOAD_TABLE)
            // Raw: a script may have given package.preload a __newindex that raises.
            lua_pushstring(state, name)
            lua_pushvalue(state, -3)
            lua_pushcclosure(state, inbox_lua_return_upvalue, 1)
            lua_rawset(state, -3)
            return try value(at: -2, state)
        }
    }

    /// Pushes the table Swift reads and writes globals in.  [-0, +1, -]
    private func pushGlobals(_ state: OpaquePointer) {
        _ = inbox_lua_rawgetfield(state, inbox_lua_registryindex(), INBOX_LUA_GLOBALS_KEY)
    }
}
