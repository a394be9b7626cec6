import CLua

extension LuaState {
    /// `object[key]` as Lua evaluates it, `__index` included, run protected.
    ///
    /// - Throws: ``LuaError`` raised by a metamethod, or when `object` cannot be indexed.
    public func index(_ object: LuaReference, _ key: LuaValue) throws -> LuaValue {
        try withStack { state in
            try ensureStack(state, 4)
            try object.push(state, into: self)
            try push(key, state)
            try checkMemory(state)
            if let error = protectedResult(state, status: inbox_lua_pgettable(state, -2)) {
                throw error
            }
            return try value(at: -1, state)
        }
    }

    /// `tostring(value)` as Lua evaluates it, `__tostring` and `__name` included, run
    /// protected.
    public func tostring(_ value: LuaValue) throws -> String {
        try withStack { state in
            try ensureStack(state, 4)
            try push(value, state)
            try checkMemory(state)
            if let error = protectedResult(state, status: inbox_lua_ptostring(state, -1)) {
                throw error
            }
            return string(at: -1, state)
        }
    }

    /// `tostring` of a live value, such as a table kept by ``LuaArguments/reference(_:)``.
    public func tostring(_ object: LuaReference) throws -> String {
        try tostring(.userdata(object))
    }

    /// `#object` as Lua evaluates it, `__len` included, run protected.
    public func length(_ object: LuaReference) throws -> Int64 {
        try withStack { state in
            try ensureStack(state, 4)
            try object.push(state, into: self)
            if let error = protectedResult(state, status: inbox_lua_plen(state, -1)) {
                throw error
            }
            return lua_tointegerx(state, -1, nil)
        }
    }

    /// The error of a protected helper's status, popped, or nil on success.
    private func protectedResult(_ state: OpaquePointer, status: Int32) -> LuaError? {
        let outermost = control.pointee.depth == 0
        let tripped = outermost ? control.pointee.tripped : Int32(INBOX_LUA_LIMIT_NONE)
        if outermost {
            control.pointee.tripped = Int32(INBOX_LUA_LIMIT_NONE)
        }
        guard status != LUA_OK else { return nil }
        var error = popError(state, status: status)
        if tripped != Int32(INBOX_LUA_LIMIT_NONE) {
            error.kind = LuaError.Kind(limit: tripped)
        }
        return error
    }
}
