import CLua

/// One Lua 5.4 state and its single owner.
///
/// A state is not thread-safe: use it from one thread at a time. Closing is idempotent, and
/// `deinit` closes. Swift closures registered in the state should not capture the state
/// strongly (a binding reaches it through ``LuaArguments/state``), or neither garbage
/// collector can free the pair.
public final class LuaState {
    /// The raw `lua_State *` for code that calls the C API directly; nil once closed.
    ///
    /// Such code must follow the C boundary rule of DESIGN.md: no raising call here.
    @exclusivity(unchecked) public private(set) var pointer: OpaquePointer?

    /// The standard library profile the state was opened with.
    public let profile: LuaProfile

    let control: UnsafeMutablePointer<inbox_lua_control>
    private var patternsInstalled: Bool

    /// The registry references of the key tables of ``LuaRecord`` types, by type.
    var recordKeys: [ObjectIdentifier: LuaRecordKeys] = [:]

    /// The limits applied to each top-level run (a call from Swift into Lua).
    public var limits: LuaLimits {
        didSet { applyLimits() }
    }

    /// Creates a state with the given library profile and limits.
    ///
    /// - Throws: ``LuaError`` when the state or its libraries cannot be created.
    public init(profile: LuaProfile = .full, limits: LuaLimits = LuaLimits()) throws {
        control = .allocate(capacity: 1)
        control.initialize(to: inbox_lua_control())
        control.pointee.in_swift = 1
        control.pointee.dispatch = luaKitDispatch
        control.pointee.release = luaKitRelease
        self.profile = profile
        self.limits = limits
        patternsInstalled = profile == .sandbox
        pointer = inbox_lua_newstate(control)
        control.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        guard let state = pointer else {
            throw LuaError(kind: .memory, message: "cannot create a Lua state")
        }

        if profile == .sandbox {
            lua_pushcclosure(state, inbox_lua_open_sandbox_k, 0)
        } else {
            lua_pushcclosure(state, inbox_lua_open_full_k, 0)
        }
        if let error = protectedCall(state, arguments: 0, results: 0, traced: false) {
            close()
            throw error
        }
        applyLimits()
    }

    deinit {
        close()
        control.deinitialize(count: 1)
        control.deallocate()
    }

    /// Closes the state, running every pending finalizer. Closing twice is harmless.
    ///
    /// A close requested by a Swift function while Lua is running is ignored: it would free
    /// the stack under the running code. `deinit` closes the state later.
    public func close() {
        guard let state = pointer, control.pointee.depth == 0 else { return }
        pointer = nil
        control.pointee.in_swift = 1
        lua_close(state)
        inbox_lua_blocks_drain(&control.pointee.blocks)
    }

    /// True once ``close()`` has run.
    public var isClosed: Bool { pointer == nil }

    /// Bytes the state has allocated, as its allocator counts them.
    public var memoryInUse: Int { Int(control.pointee.used) }

    /// The number of slots on the Lua stack; every public call leaves it unchanged.
    public var stackTop: Int32 {
        guard let state = pointer else { return 0 }
        return lua_gettop(state)
    }

    /// Runs a full garbage collection cycle.
    public func collectGarbage() {
        guard let state = pointer else { return }
        inbox_lua_collect(state)
    }

    // MARK: - Internals

    /// Runs `body` with the raw state and restores the stack top afterwards, on every path.
    ///
    /// `lua_settop` only runs `__close` metamethods for to-be-closed slots, and Swift never
    /// creates any, so restoring cannot raise.
    ///
    /// Inside a Swift function called from a coroutine, this is that coroutine's thread.
    func withStack<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        let state = try runningThread()
        let top = lua_gettop(state)
        defer { lua_settop(state, top) }
        return try body(state)
    }

    /// The thread to push on (inside a Swift function called from a coroutine, that
    /// coroutine), after collecting the garbage of a run stopped by the memory limit.
    ///
    /// - Throws: ``LuaError`` when the state is closed.
    @inline(__always)
    func runningThread() throws -> OpaquePointer {
        guard let main = pointer else {
            throw LuaError(kind: .runtime, message: "the Lua state is closed")
        }
        let state = control.pointee.current ?? main
        if control.pointee.limit != 0 && control.pointee.used > control.pointee.limit {
            inbox_lua_collect(state)
        }
        return state
    }

    /// Makes room for `count` more slots, or throws.
    @inline(__always)
    func ensureStack(_ state: OpaquePointer, _ count: Int32) throws {
        guard lua_checkstack(state, count) != 0 else {
            throw LuaError(kind: .runtime, message: "stack overflow (Lua stack cannot grow)")
        }
    }

    private func applyLimits() {
        control.pointee.limit = limits.memory.map { max(1, $0) } ?? 0
        control.pointee.instructions = limits.instructions.map { Int64(max(1, $0)) } ?? 0
        control.pointee.timeout = limits.timeout.map(\.seconds) ?? 0
        guard let state = pointer else { return }

        let hooked = limits.instructions != nil || limits.timeout != nil
        inbox_lua_set_hook(state, hooked ? 1 : 0)
        if hooked && !patternsInstalled {
            lua_pushcclosure(state, inbox_lua_install_patterns, 0)
            patternsInstalled = protectedCall(state, arguments: 0, results: 0) == nil
        }
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
