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

    let reference: lua_Integer

    /// The last single string result (`.nil` before the first), its bytes, and the results
    /// returned for it (empty until asked for). Only this object's calls touch them, one at
    /// a time, which makes the dynamic exclusivity checks useless.
    @exclusivity(unchecked) private(set) var lastString: LuaValue = .nil
    @exclusivity(unchecked) private var lastBytes: [UInt8] = []
    @exclusivity(unchecked) private var lastResults: [LuaValue] = []

    /// The keys of the last ``LuaRecord`` type passed, which saves a dictionary lookup.
    @exclusivity(unchecked) var lastKeys: LuaRecordKeys?

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
            try state.ensureStack(lua, Int32(clamping: arguments.count + 4))
            lua_pushcclosure(lua, inbox_lua_msgh, 0)  // a light C function: no allocation
            lua_rawgeti(lua, inbox_lua_registryindex(), reference)
            for argument in arguments {
                try state.push(argument, lua)
            }
            try state.checkMemory(lua)

            let count = Int32(arguments.count)
            let handler = base + 1
            if let error = state.protectedCall(
                lua, arguments: count, results: LUA_MULTRET, handler: handler)
            {
                throw error
            }
            let top = lua_gettop(lua)
            if top == handler + 1, lua_type(lua, top) == LUA_TSTRING {
                return stringResult(at: top, lua)
            }
            return try state.values(from: handler + 1, to: top, lua)
        }
    }

    /// Calls the function with `arguments` and returns its results.
    public func callAsFunction(_ arguments: LuaValue...) throws -> [LuaValue] {
        try call(arguments)
    }

    /// The one string result at `index`, reusing the previous results when the bytes are
    /// equal: a rule's few answers cost neither a copy nor an array.
    func stringResult(at index: Int32, _ lua: OpaquePointer) -> [LuaValue] {
        if !isLastString(at: index, lua) || lastResults.isEmpty {
            lastResults = [lastString]
        }
        return lastResults
    }

    /// Whether the string at `index` has the bytes of ``lastString``; when not, it becomes
    /// ``lastString``.
    func isLastString(at index: Int32, _ lua: OpaquePointer) -> Bool {
        var length = 0
        let chars = lua_tolstring(lua, index, &length).unsafelyUnwrapped
        if case .string = lastString, lastBytes.count == length,
            length == 0
                || lastBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, chars, length) == 0 }
                )
        {
            return true
        }
        lastBytes = [UInt8](UnsafeRawBufferPointer(start: chars, count: length))
        lastString = .string(lastBytes)
        lastResults = []
        return false
    }
}
