import CLua

extension LuaState {
    /// Calls a Lua function (or a value with `__call`) with arguments, returning its results.
    ///
    /// - Throws: ``LuaError`` from the call, or from converting the arguments or results.
    public func call(_ function: LuaValue, _ arguments: [LuaValue] = []) throws -> [LuaValue] {
        try withStack { state in
            let base = lua_gettop(state)
            try push(function, state)
            for argument in arguments {
                try push(argument, state)
            }
            try checkMemory(state)

            let count = Int32(arguments.count)
            if let error = protectedCall(state, arguments: count, results: LUA_MULTRET) {
                throw error
            }
            return try values(from: base + 1, to: lua_gettop(state), state)
        }
    }

    /// Converts the stack slots `first...last` to values.
    func values(from first: Int32, to last: Int32, _ state: OpaquePointer) throws -> [LuaValue] {
        guard first <= last else { return [] }
        var results: [LuaValue] = []
        results.reserveCapacity(Int(last - first + 1))
        for index in first...last {
            results.append(try value(at: index, state))
        }
        return results
    }

    /// Throws a memory error when Swift pushed past the memory limit outside of any run.
    @inline(__always)
    func checkMemory(_ state: OpaquePointer) throws {
        guard control.pointee.over_limit != 0, control.pointee.depth == 0 else { return }
        control.pointee.over_limit = 0
        throw LuaError(kind: .memory, message: "not enough memory")
    }

    /// Calls the function below `arguments` values, protected and with a traceback; pops
    /// the error and returns it on failure.
    ///
    /// - Parameter handler: the stack index of `inbox_lua_msgh` when the caller pushed it
    ///   already, which saves moving it under the function and back.
    func protectedCall(
        _ state: OpaquePointer, arguments: Int32, results: Int32, traced: Bool = true,
        handler: Int32 = 0
    ) -> LuaError? {
        let status =
            traced && handler == 0
            ? inbox_lua_pcall_traced(state, arguments, results)
            : inbox_lua_pcall(state, arguments, results, handler)
        let outermost = control.pointee.depth == 0
        let tripped = outermost ? control.pointee.tripped : Int32(INBOX_LUA_LIMIT_NONE)
        if outermost {
            control.pointee.tripped = Int32(INBOX_LUA_LIMIT_NONE)
            control.pointee.over_limit = 0
        }
        guard status != LUA_OK else { return nil }

        var error = popError(state, status: status)
        if tripped != Int32(INBOX_LUA_LIMIT_NONE) {
            error.kind = LuaError.Kind(limit: tripped)
        }
        if error.kind == .memory && outermost {
            inbox_lua_collect(state)
        }
        return error
    }

    private static let yieldAcrossC = "attempt to yield across a C-call boundary"

    /// Pops the error value on top and describes it as stock `lua5.4` does.
    func popError(_ state: OpaquePointer, status: Int32) -> LuaError {
        let message = errorMessage(state)
        let traceback = takeTraceback(state)
        let reference = LuaReference(popping: state, owner: self)
        var error = LuaError(
            kind: LuaError.Kind(status: status), message: message, traceback: traceback)
        if message.hasSuffix(Self.yieldAcrossC) {
            // The value is dropped so that the clearer message is what Lua sees.
            error.message += " (a Swift function is on the stack, and cannot be suspended)"
            return error
        }
        error.value = reference
        return error
    }

    private func errorMessage(_ state: OpaquePointer) -> String {
        let type = lua_type(state, -1)
        if type == LUA_TSTRING || type == LUA_TNUMBER {
            lua_pushvalue(state, -1)
            defer { inbox_lua_pop(state, 1) }
            return string(at: -1, state)
        }
        if luaL_getmetafield(state, -1, "__tostring") != LUA_TNIL {
            inbox_lua_pop(state, 1)
            let status = inbox_lua_ptostring(state, -1)
            defer { inbox_lua_pop(state, 1) }
            if status == LUA_OK && lua_type(state, -1) == LUA_TSTRING {
                return string(at: -1, state)
            }
        }
        let name = String(cString: lua_typename(state, type))
        return "(error object is a \(name) value)"
    }

    private func takeTraceback(_ state: OpaquePointer) -> String? {
        let registry = inbox_lua_registryindex()
        guard inbox_lua_rawgetfield(state, registry, INBOX_LUA_TRACEBACK_KEY) == LUA_TSTRING else {
            inbox_lua_pop(state, 1)
            return nil
        }
        let traceback = string(at: -1, state)
        inbox_lua_pop(state, 1)
        lua_pushnil(state)
        inbox_lua_rawsetfield(state, registry, INBOX_LUA_TRACEBACK_KEY)
        return traceback
    }

    /// The string at `index` (which must be a string), decoded leniently for messages.
    func string(at index: Int32, _ state: OpaquePointer) -> String {
        var length = 0
        guard let bytes = lua_tolstring(state, index, &length) else { return "" }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: length)
        return String(decoding: buffer, as: UTF8.self)
    }
}
