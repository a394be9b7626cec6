import CLua
import LuaKit

/// The Lua side of one REPL session: the session table `S` of ``SessionScript``, kept in
/// the registry, and protected calls of its helpers.
///
/// Chunks run through `S.run`, so their results stay in the state (`S.results`) for the
/// printer to read raw: LuaKit's ``LuaValue`` copies would lose cycles and identities.
final class LuaSession {
    /// Registry key of the session table.
    static let registryKey = "inbox-lua.repl.session"

    /// Registry key of the bindings' documentation: a table mapping each binding function
    /// to `{name = ..., signature = ..., summary = ...}`.
    static let docsKey = "inbox-lua.docs"

    let state: LuaState
    let stack: LuaStack

    /// Opens a session in `state`, replacing any earlier one.
    init(state: LuaState) throws {
        guard let pointer = state.pointer else {
            throw LuaError(kind: .runtime, message: "the Lua state is closed")
        }
        self.state = state
        stack = LuaStack(pointer: pointer)
        try stack.preserving {
            let source = Array(SessionScript.source.utf8)
            let status = source.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    loadProtected(chars.baseAddress, chars.count, SessionScript.chunkName)
                }
            }
            guard status == LUA_OK else {
                throw LuaError(kind: .syntax, message: stack.text(at: -1))
            }
            inbox_lua_newtable(pointer)
            lua_pushvalue(pointer, -1)
            lua_setfield(pointer, inbox_lua_registryindex(), Self.registryKey)
            lua_pushboolean(pointer, state.profile == .sandbox ? 1 : 0)
            if let error = call(arguments: 2, results: 0) {
                throw error
            }
        }
    }

    /// Pushes the session table.  [-0, +1, m]
    func pushSession() {
        stack.pushRegistryField(Self.registryKey)
    }

    /// Compiles `source` as the next chunk to run; returns Lua's syntax error message, or
    /// nil when it compiled.
    func compile(_ source: String) -> String? {
        stack.preserving {
            pushSession()
            stack.pushField("compile", of: -1)
            lua_pushstring(stack.pointer, source)
            if let error = call(arguments: 1, results: 1) {
                return error.message
            }
            return lua_type(stack.pointer, -1) == LUA_TSTRING ? stack.text(at: -1) : nil
        }
    }

    /// Runs the compiled chunk, called from C like `lua.c` does so that tracebacks say
    /// `in main chunk`; keeps its results in `S.results` (a table with `n`), sets the
    /// session local `_` to the first one, and returns how many there are.
    func run() throws -> Int {
        let lua = stack.pointer
        return try stack.preserving {
            pushSession()
            let session = lua_gettop(lua)
            stack.pushField("chunk", of: session)
            lua_pushnil(lua)
            stack.setField("chunk", of: session)
            if let error = call(arguments: 0, results: LUA_MULTRET) {
                throw error
            }

            let count = lua_gettop(lua) - session
            guard lua_checkstack(lua, 8) != 0 else {
                throw LuaError(kind: .memory, message: "stack overflow (too many results)")
            }
            lua_createtable(lua, count, 1)
            let results = lua_gettop(lua)
            for position in 0..<count {
                lua_pushvalue(lua, session + 1 + position)
                lua_rawseti(lua, results, lua_Integer(position + 1))
            }
            lua_pushinteger(lua, lua_Integer(count))
            stack.setField("n", of: results)
            stack.setField("results", of: session)
            if count > 0 {
                setSessionLocal("_", toValueAt: session + 1, session: session)
            }
            return Int(count)
        }
    }

    /// Declares the session local `name` and sets it to the value at `index`.
    private func setSessionLocal(_ name: String, toValueAt index: Int32, session: Int32) {
        stack.preserving {
            stack.pushField("declared", of: session)
            lua_pushboolean(stack.pointer, 1)
            stack.setField(name, of: -2)
            stack.pushField("values", of: session)
            lua_pushvalue(stack.pointer, index)
            stack.setField(name, of: -2)
        }
    }

    // MARK: - Protected calls

    /// `luaL_loadbufferx` in text mode, with LuaKit's allocator allowed to fail (the
    /// parser runs protected).
    private func loadProtected(
        _ chars: UnsafePointer<CChar>?, _ count: Int, _ name: String
    ) -> Int32 {
        let control = inbox_lua_control_of(stack.pointer)!
        let saved = control.pointee.in_swift
        control.pointee.in_swift = 0
        defer { control.pointee.in_swift = saved }
        return luaL_loadbufferx(stack.pointer, chars, count, name, "t")
    }

    /// Calls the function below `arguments` values like LuaKit does (with a traceback, as
    /// a new run of the state's limits); pops the error and returns it on failure.
    func call(arguments: Int32, results: Int32) -> LuaError? {
        let lua = stack.pointer
        let control = inbox_lua_control_of(lua)!
        if control.pointee.over_limit != 0 && control.pointee.depth == 0 {
            control.pointee.over_limit = 0
            inbox_lua_pop(lua, arguments + 1)
            return LuaError(kind: .memory, message: "not enough memory")
        }
        let status = inbox_lua_pcall_traced(lua, arguments, results)
        if control.pointee.depth == 0 {
            control.pointee.tripped = Int32(INBOX_LUA_LIMIT_NONE)
            control.pointee.over_limit = 0
        }
        guard status != LUA_OK else { return nil }

        let message = errorMessage()
        inbox_lua_pop(lua, 1)
        return LuaError(
            kind: status == LUA_ERRMEM ? .memory : .runtime, message: message,
            traceback: takeTraceback())
    }

    /// The error value on top as `lua5.4` shows it.
    private func errorMessage() -> String {
        let lua = stack.pointer
        let type = lua_type(lua, -1)
        if type == LUA_TSTRING || type == LUA_TNUMBER {
            return stack.text(at: -1)
        }
        return stack.preserving {
            if luaL_getmetafield(lua, -1, "__tostring") != LUA_TNIL {
                inbox_lua_pop(lua, 1)
                if inbox_lua_ptostring(lua, -1) == LUA_OK && lua_type(lua, -1) == LUA_TSTRING {
                    return stack.text(at: -1)
                }
            }
            return "(error object is a \(String(cString: lua_typename(lua, type))) value)"
        }
    }

    /// The traceback the message handler left, without the REPL's own frames.
    private func takeTraceback() -> String? {
        let lua = stack.pointer
        defer {
            lua_pushnil(lua)
            lua_setfield(lua, inbox_lua_registryindex(), INBOX_LUA_TRACEBACK_KEY)
        }
        return stack.preserving {
            guard stack.pushRegistryField(INBOX_LUA_TRACEBACK_KEY) == LUA_TSTRING else {
                return nil
            }
            let ownFrame = "\t" + String(SessionScript.chunkName.dropFirst()) + ":"
            let lines = stack.text(at: -1).split(separator: "\n", omittingEmptySubsequences: false)
            return lines.filter { !$0.hasPrefix(ownFrame) && $0 != "\t[C]: in ?" }
                .joined(separator: "\n")
        }
    }
}
