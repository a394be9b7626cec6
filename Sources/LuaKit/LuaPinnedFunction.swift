import CLua

/// A Lua function pinned in its state's registry, to call many times from Swift.
///
/// Pinning once saves each call the work of pushing a ``LuaReference`` (a weak load and a
/// check of the owner). Each call is one top-level run under the state's ``LuaLimits``, goes
/// through one protected call with a traceback handler, and fails with the same ``LuaError``
/// as ``LuaState/call(_:_:)``. The stack is left as found on every path.
///
/// It keeps its state alive; after ``LuaState/close()`` a call throws. Like the state, it is
/// not thread-safe.
public final class LuaPinnedFunction {
    /// The state the function lives in.
    public let state: LuaState

    private let reference: lua_Integer

    /// The last string result and its Swift value: a rule's few answers are reused rather
    /// than copied into a new array on every call.
    private var lastString: (bytes: [UInt8], value: LuaValue)?

    /// Pins `function` (a Lua function, or a value with `__call`) in `state`.
    ///
    /// - Throws: ``LuaError`` when the state is closed or the value belongs to another state.
    public init(_ function: LuaValue, in state: LuaState) throws {
        self.state = state
        reference = try state.withStack { lua in
            try state.push(function, lua)
            return lua_Integer(luaL_ref(lua, inbox_lua_registryindex()))
        }
    }

    deinit {
        guard let lua = state.pointer else { return }
        luaL_unref(lua, inbox_lua_registryindex(), Int32(reference))
    }

    /// Calls the function with `arguments` and returns its results.
    ///
    /// - Throws: ``LuaError`` from the call (with kind, position, traceback and the original
    ///   error value), from a limit, or from converting the arguments or results.
    public func call(_ arguments: [LuaValue]) throws -> [LuaValue] {
        try state.withStack { lua in
            let base = lua_gettop(lua)
            try state.ensureStack(lua, Int32(clamping: arguments.count + 3))
            lua_rawgeti(lua, inbox_lua_registryindex(), reference)
            for argument in arguments {
                try state.push(argument, lua)
            }
            try state.checkMemory(lua)

            let count = Int32(arguments.count)
            if let error = state.protectedCall(lua, arguments: count, results: LUA_MULTRET) {
                throw error
            }
            let top = lua_gettop(lua)
            if top == base + 1, lua_type(lua, top) == LUA_TSTRING {
                return [string(at: top, lua)]
            }
            return try state.values(from: base + 1, to: top, lua)
        }
    }

    /// Calls the function with `arguments` and returns its results.
    public func callAsFunction(_ arguments: LuaValue...) throws -> [LuaValue] {
        try call(arguments)
    }

    /// The string at `index`, reusing the previous string result when the bytes are equal.
    private func string(at index: Int32, _ lua: OpaquePointer) -> LuaValue {
        var length = 0
        let chars = lua_tolstring(lua, index, &length).unsafelyUnwrapped
        let bytes = UnsafeRawBufferPointer(start: chars, count: length)
        if let last = lastString, last.bytes.elementsEqual(bytes) {
            return last.value
        }
        let value = LuaValue.string([UInt8](bytes))
        lastString = ([UInt8](bytes), value)
        return value
    }
}
