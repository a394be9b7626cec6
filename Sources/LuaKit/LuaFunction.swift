import CLua

/// The body of a Swift function callable from Lua: it reads its arguments and returns its
/// results. A `throw` becomes a Lua error that `pcall` can catch: a ``LuaError`` raises its
/// original value, anything else its description prefixed with the caller's position.
///
/// Returning `[]` or `[value]` costs no allocation; the arguments are a view over the Lua
/// stack.
public typealias LuaFunctionBody = (LuaArguments) throws -> LuaResults

/// A Swift closure kept alive by the Lua userdata that holds it.
final class LuaFunctionBox {
    let name: String
    let body: LuaFunctionBody

    init(name: String, body: @escaping LuaFunctionBody) {
        self.name = name
        self.body = body
    }

    /// Calls the body without copying it out of the box (a copy would retain its context).
    func invoke(_ arguments: LuaArguments) throws -> LuaResults {
        try body(arguments)
    }
}

extension LuaState {
    /// Registry name of the metatable of the userdata that hold Swift objects.
    static let objectMetatable = "inbox-lua.swift-object"

    /// Creates a Lua function that runs `body`.
    ///
    /// An error `body` throws is raised in Lua. A ``LuaError`` of kind `.timeLimit` or
    /// `.instructionLimit` trips that limit instead, so that the run stops as it would
    /// at the count hook, `pcall` or not: a host function that gave up waiting because the
    /// run's time is up says so by throwing one.
    ///
    /// - Parameter name: the name used in argument errors (`bad argument #1 to 'name'`).
    public func function(named name: String, _ body: @escaping LuaFunctionBody) throws
        -> LuaValue
    {
        try withStack { state in
            try pushFunction(LuaFunctionBox(name: name, body: body), state)
            return try value(at: -1, state)
        }
    }

    /// Pushes the trampoline closure over `box`.  [-0, +1, m]
    func pushFunction(_ box: LuaFunctionBox, _ state: OpaquePointer) throws {
        try ensureStack(state, 3)
        if luaL_newmetatable(state, Self.objectMetatable) != 0 {
            setFinalizer(state)
        }
        inbox_lua_pop(state, 1)
        let retained = Unmanaged.passRetained(box as AnyObject).toOpaque()
        inbox_lua_push_function(state, retained, Self.objectMetatable)
    }

    /// Pushes a userdata holding one retained reference to `object`.  [-0, +1, m]
    func pushRetained(_ object: AnyObject, _ state: OpaquePointer) {
        let size = MemoryLayout<UnsafeMutableRawPointer?>.size
        let slot = lua_newuserdatauv(state, size, 0)!
        let retained = Unmanaged.passRetained(object).toOpaque()
        slot.storeBytes(of: retained, as: UnsafeMutableRawPointer?.self)
    }

    /// Sets `__gc` and `__metatable` on the metatable on top.  [-0, +0, m]
    func setFinalizer(_ state: OpaquePointer) {
        lua_pushcclosure(state, inbox_lua_gc_object, 0)
        inbox_lua_rawsetfield(state, -2, "__gc")
        lua_pushboolean(state, 0)
        inbox_lua_rawsetfield(state, -2, "__metatable")
    }
}

/// Releases the object a userdata retained; called by `inbox_lua_gc_object`.
func luaKitRelease(_ object: UnsafeMutableRawPointer?) {
    guard let object else { return }
    Unmanaged<AnyObject>.fromOpaque(object).release()
}

/// Runs the closure of a trampoline; see `inbox_lua_trampoline` in the shim. It never raises:
/// it returns the number of results or an `INBOX_LUA_RAISE_*` code with the error on top, and
/// the trampoline raises once this frame has returned.
///
/// Inlined into its `@convention(c)` thunk, which is what the trampoline calls, to save a jump.
///
/// This is the whole Swift section of a call: `in_swift` is set before the first call that may
/// allocate (`lua_touserdata` cannot) and restored after the last push, so an allocation over
/// the memory limit in between succeeds, is recorded in `over_limit`, and becomes a memory
/// error raised by the trampoline.
@inline(__always)
func luaKitDispatch(
    _ state: OpaquePointer?, _ control: UnsafeMutablePointer<inbox_lua_control>?
) -> inbox_lua_outcome {
    inbox_lua_outcome(count: Int(luaKitSection(state, control)), L: state)
}

/// The Swift section of a call: the count of results or an `INBOX_LUA_RAISE_*` code.
@inline(__always)
private func luaKitSection(
    _ state: OpaquePointer?, _ control: UnsafeMutablePointer<inbox_lua_control>?
) -> Int32 {
    // The trampoline passes its own state and control block: neither is nil, and upvalue 1
    // of the running closure is a light userdata pointing at the slot.
    let state = state.unsafelyUnwrapped
    let control = control.unsafelyUnwrapped
    let slot = lua_touserdata(state, inbox_lua_upvalueindex(1)).unsafelyUnwrapped
    guard let box = slot.load(as: UnsafeMutableRawPointer?.self) else {
        return Int32(INBOX_LUA_RAISE_RELEASED)
    }
    // Counted rather than saved and set, so that leaving needs no saved copy: every other
    // reader only tests it for nonzero.
    control.pointee.in_swift &+= 1
    let caller = control.pointee.current
    control.pointee.current = state  // Swift's nested calls must run on this thread

    // Upvalue 2, the userdata that owns the box, keeps it alive for the whole call: borrowed,
    // and `invoke` calls the closure in place, nothing is retained.
    let count = Unmanaged<LuaFunctionBox>.fromOpaque(box)._withUnsafeGuaranteedRef {
        luaKitRun($0, state)
    }

    control.pointee.current = caller
    control.pointee.in_swift &-= 1
    if control.pointee.in_swift == 0 && control.pointee.over_limit != 0 {
        return Int32(INBOX_LUA_RAISE_MEMORY)
    }
    return count
}

/// Calls `function` and pushes its results or its error.
@inline(__always)
private func luaKitRun(_ function: LuaFunctionBox, _ state: OpaquePointer) -> Int32 {
    let results: LuaResults
    do {
        results = try function.invoke(LuaArguments(state: state, box: function))
    } catch {
        return luaKitPushError(error, state)
    }
    // Listing the payload cases first compiles to one test of the tag for `.none`; matching
    // `.none` alone also compares the payload words.
    switch results {
    case .one, .many: return luaKitPushResults(results, state)
    case .none: return 0
    }
}

/// Pushes the results of a Swift function; kept out of line so the common path stays small.
@inline(never)
private func luaKitPushResults(_ results: LuaResults, _ state: OpaquePointer) -> Int32 {
    let owner = LuaArguments.owner(of: state)
    do {
        switch results {
        case .none:
            return 0
        case .one(let result):
            try owner.push(result, state)
            return 1
        case .many(let values):
            for value in values {
                try owner.push(value, state)
            }
            return Int32(values.count)
        }
    } catch {
        return luaKitPushError(error, state)
    }
}

/// Pushes a Swift error for the trampoline to raise.
@inline(never)
private func luaKitPushError(_ error: any Error, _ state: OpaquePointer) -> Int32 {
    guard lua_checkstack(state, 2) != 0 else { return Int32(INBOX_LUA_RAISE_VALUE) }
    let owner = LuaArguments.owner(of: state)
    if let error = error as? LuaError, let value = error.value {
        if (try? value.push(state, into: owner)) != nil {
            return Int32(INBOX_LUA_RAISE_VALUE)
        }
    }
    if let error = error as? LuaError, let limit = error.kind.tripsLimit {
        // The limit stops the run from here, past pcall, as if the hook had raised it.
        inbox_lua_control_of(state).pointee.tripped = limit
        return Int32(INBOX_LUA_RAISE_LIMIT)
    }
    if let error = error as? LuaError, error.kind != .runtime {
        luaKitPushText(error.message, state)
        return Int32(INBOX_LUA_RAISE_VALUE)
    }
    luaKitPushText(String(describing: error), state)
    return Int32(INBOX_LUA_RAISE_MESSAGE)
}

/// Pushes all of `text`'s bytes, NULs included (lua_pushstring would stop at the first).
private func luaKitPushText(_ text: String, _ state: OpaquePointer) {
    var text = text
    text.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) {
            _ = lua_pushlstring(state, $0.baseAddress, $0.count)
        }
    }
}
