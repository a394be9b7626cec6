import CLua

extension LuaState {
    /// Defines a userdata type for Swift objects: a metatable named `name` whose `__index` is
    /// a table of `methods`, plus any `metamethods` (`__tostring`, `__len`, ...).
    ///
    /// `__gc` releases the Swift object; `__metatable` hides the metatable from scripts.
    /// Defining the same name twice replaces the methods.
    public func defineType(
        _ name: String, methods: [String: LuaFunctionBody],
        metamethods: [String: LuaFunctionBody] = [:]
    ) throws {
        try withStack { state in
            try ensureStack(state, 4)
            _ = luaL_newmetatable(state, name)
            setFinalizer(state)
            lua_createtable(state, 0, Int32(clamping: methods.count))
            for (method, body) in methods {
                try pushFunction(LuaFunctionBox(name: method, body: body), state)
                inbox_lua_rawsetfield(state, -2, method)
            }
            inbox_lua_rawsetfield(state, -2, "__index")
            for (metamethod, body) in metamethods {
                try pushFunction(LuaFunctionBox(name: metamethod, body: body), state)
                inbox_lua_rawsetfield(state, -2, metamethod)
            }
            try checkMemory(state)
        }
    }

    /// Wraps a Swift object in a userdata of a type made by ``defineType(_:methods:metamethods:)``.
    ///
    /// The userdata retains the object until Lua collects it.
    public func userdata(_ object: AnyObject, type name: String) throws -> LuaValue {
        try withStack { state in
            try ensureStack(state, 3)
            guard inbox_lua_getmetatable(state, name) == LUA_TTABLE else {
                throw LuaError(kind: .runtime, message: "no userdata type named '\(name)'")
            }
            pushRetained(object, state)
            lua_rotate(state, -2, 1)
            lua_setmetatable(state, -2)
            try checkMemory(state)
            return try value(at: -1, state)
        }
    }
}
