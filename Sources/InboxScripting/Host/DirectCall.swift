import CLua
import Foundation
import LuaKit

/// The fast path of ``ScriptFunction``: calls a pinned Lua function with plain data through
/// the C API, skipping the general conversions of `LuaState.call`, so that a rule called a
/// million times costs little more than the rule itself.
///
/// It follows DESIGN.md's rule: only `-` and `m` API functions are called from Swift, the
/// call itself runs in `inbox_lua_pcall_traced` (a new run of the limits, as in LuaKit),
/// and the stack is restored on every path. Arguments it cannot push (functions, userdata)
/// make it decline before anything runs, and results other than scalars are read back
/// through LuaKit, so both paths return the same values.
///
/// TODO: LuaKit's `LuaState.call` costs about 0.7 µs before any work (a weak load and a
/// release per pushed reference, generic conversions); this class repeats its scalar
/// conversions to avoid that. A pinned-function call in LuaKit itself would let it go.
final class DirectCall {
    private let lua: LuaState
    private let reference: Int32
    private var lastResult: (bytes: [UInt8], value: LuaValue)?

    /// Registry key under which non-scalar results are handed to LuaKit for conversion.
    private static let resultsKey = "inbox-lua.direct-results"

    /// Pins `function` in the registry.
    init(lua: LuaState, function: LuaValue) throws {
        self.lua = lua
        let pin = try lua.function(named: "pin") { arguments in
            // Called from Swift on the main thread, whose stack holds the argument.
            guard let state = arguments.state.pointer else { return [] }
            lua_pushvalue(state, 1)
            return [.integer(Int64(luaL_ref(state, inbox_lua_registryindex())))]
        }
        guard case .integer(let reference)? = try lua.call(pin, [function]).first else {
            throw ScriptValueError("cannot keep the function")
        }
        self.reference = Int32(reference)
    }

    deinit {
        guard let state = lua.pointer else { return }
        luaL_unref(state, inbox_lua_registryindex(), reference)
    }

    /// Calls the function, or returns nil (having run nothing) when an argument is not data.
    func call(_ arguments: [LuaValue]) throws -> [LuaValue]? {
        guard let state = lua.pointer else {
            throw LuaError(kind: .runtime, message: "the Lua state is closed")
        }
        let top = lua_gettop(state)
        defer { lua_settop(state, top) }
        guard lua_checkstack(state, Int32(clamping: arguments.count + 8)) != 0 else { return nil }

        lua_rawgeti(state, inbox_lua_registryindex(), lua_Integer(reference))
        for argument in arguments {
            guard push(argument, state, depth: 0) else { return nil }
        }
        let control = inbox_lua_control_of(state)!
        if control.pointee.over_limit != 0 && control.pointee.depth == 0 {
            control.pointee.over_limit = 0
            throw LuaError(kind: .memory, message: "not enough memory")
        }

        let status = inbox_lua_pcall_traced(state, Int32(arguments.count), LUA_MULTRET)
        let tripped = control.pointee.depth == 0 ? control.pointee.tripped : 0
        if control.pointee.depth == 0 {
            control.pointee.tripped = Int32(INBOX_LUA_LIMIT_NONE)
            control.pointee.over_limit = 0
        }
        guard status == LUA_OK else { throw failure(state, status: status, tripped: tripped) }
        return try results(state, from: top + 1)
    }

    // MARK: - Arguments

    /// Pushes plain data; false (with something pushed or not) for anything else.
    private func push(_ value: LuaValue, _ state: OpaquePointer, depth: Int) -> Bool {
        switch value {
        case .nil: lua_pushnil(state)
        case .boolean(let flag): lua_pushboolean(state, flag ? 1 : 0)
        case .integer(let number): lua_pushinteger(state, number)
        case .number(let number): lua_pushnumber(state, number)
        case .string(let bytes):
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    _ = lua_pushlstring(state, chars.baseAddress, chars.count)
                }
            }
        case .null: inbox_lua_push_null(state)
        case .table(let table): return push(table, state, depth: depth + 1)
        case .function, .userdata, .thread: return false
        }
        return true
    }

    private func push(_ table: LuaTable, _ state: OpaquePointer, depth: Int) -> Bool {
        guard depth <= LuaState.maximumTableDepth, lua_checkstack(state, 4) != 0 else {
            return false
        }
        lua_createtable(
            state, Int32(clamping: table.sequence.count), Int32(clamping: table.fields.count))
        for (offset, element) in table.sequence.enumerated() {
            guard push(element, state, depth: depth) else { return false }
            lua_rawseti(state, -2, lua_Integer(offset + 1))
        }
        for (key, element) in table.fields {
            if key == .nil || element == .nil { continue }
            if case .number(let number) = key, number.isNaN { return false }
            guard push(key, state, depth: depth), push(element, state, depth: depth) else {
                return false
            }
            lua_rawset(state, -3)
        }
        if table.isArray {
            inbox_lua_push_array_mt(state)
            lua_setmetatable(state, -2)
        }
        return true
    }

    // MARK: - Results

    private func results(_ state: OpaquePointer, from first: Int32) throws -> [LuaValue] {
        let last = lua_gettop(state)
        guard first <= last else { return [] }
        if first == last, let value = scalar(at: first, state) {
            return [value]
        }
        var values: [LuaValue] = []
        values.reserveCapacity(Int(last - first + 1))
        for index in first...last {
            guard let value = scalar(at: index, state) else {
                return try throughLuaKit(state, from: first, to: last)
            }
            values.append(value)
        }
        return values
    }

    /// A scalar result; repeated strings (a rule's few answers) reuse one Swift value.
    private func scalar(at index: Int32, _ state: OpaquePointer) -> LuaValue? {
        switch lua_type(state, index) {
        case LUA_TNIL: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(state, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(state, index) != 0 {
                return .integer(lua_tointegerx(state, index, nil))
            }
            return .number(lua_tonumberx(state, index, nil))
        case LUA_TSTRING:
            var length = 0
            let chars = lua_tolstring(state, index, &length)!
            if let last = lastResult, last.bytes.count == length,
                length == 0
                    || last.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, chars, length) == 0 })
            {
                return last.value
            }
            let bytes = [UInt8](UnsafeRawBufferPointer(start: chars, count: length))
            let value = LuaValue.string(bytes)
            lastResult = (bytes, value)
            return value
        default:
            return inbox_lua_is_null(state, index) != 0 ? .null : nil
        }
    }

    /// Converts the results with LuaKit: they go into a table in the registry, read back
    /// by `LuaState.global`'s raw read of the globals table.
    private func throughLuaKit(_ state: OpaquePointer, from first: Int32, to last: Int32) throws
        -> [LuaValue]
    {
        let count = last - first + 1
        lua_createtable(state, count, 0)
        for index in first...last {
            lua_pushvalue(state, index)
            lua_rawseti(state, -2, lua_Integer(index - first + 1))
        }
        let globals = globalsTable(state)
        lua_pushstring(state, Self.resultsKey)
        lua_pushvalue(state, -3)
        lua_rawset(state, globals)
        defer {
            lua_pushstring(state, Self.resultsKey)
            lua_pushnil(state)
            lua_rawset(state, globals)
        }
        guard case .table(let table) = try lua.global(Self.resultsKey) else { return [] }
        return (1...Int(count)).map { table[.integer(Int64($0))] }
    }

    /// Pushes the table `LuaState.global` reads and returns its index.  [-0, +1, m]
    private func globalsTable(_ state: OpaquePointer) -> Int32 {
        _ = lua_getfield(state, inbox_lua_registryindex(), INBOX_LUA_GLOBALS_KEY)
        return lua_gettop(state)
    }

    // MARK: - Errors

    /// The error on top, described as LuaKit describes errors.
    private func failure(_ state: OpaquePointer, status: Int32, tripped: Int32) -> LuaError {
        let type = String(cString: lua_typename(state, lua_type(state, -1)))
        var message = "(error object is a \(type) value)"
        if lua_type(state, -1) == LUA_TSTRING || lua_type(state, -1) == LUA_TNUMBER {
            var length = 0
            let chars = lua_tolstring(state, -1, &length)!
            message = String(
                decoding: UnsafeRawBufferPointer(start: chars, count: length), as: UTF8.self)
        }
        var traceback: String?
        let registry = inbox_lua_registryindex()
        if lua_getfield(state, registry, INBOX_LUA_TRACEBACK_KEY) == LUA_TSTRING {
            traceback = String(cString: lua_tolstring(state, -1, nil))
        }
        lua_pushnil(state)
        lua_setfield(state, registry, INBOX_LUA_TRACEBACK_KEY)

        let kind: LuaError.Kind
        switch (tripped, status) {
        case (Int32(INBOX_LUA_LIMIT_MEMORY), _), (_, LUA_ERRMEM): kind = .memory
        case (Int32(INBOX_LUA_LIMIT_INSTRUCTIONS), _): kind = .instructionLimit
        case (Int32(INBOX_LUA_LIMIT_TIME), _): kind = .timeLimit
        case (_, LUA_ERRERR): kind = .errorInHandler
        default: kind = .runtime
        }
        if kind == .memory { inbox_lua_collect(state) }
        return LuaError(kind: kind, message: message, traceback: traceback)
    }
}
