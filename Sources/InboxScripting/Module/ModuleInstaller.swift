import CLua
import CLuaJSON
import InboxClient
import LuaKit

/// Puts the `json`, `log` and `inbox` modules (and, when the host captures output, `print`)
/// into a fresh state, each as a global and as `require(name)`.
struct ModuleInstaller {
    let lua: LuaState
    let session: ScriptSession

    /// Registry key of the table mapping each `inbox` function to its documentation
    /// (`{name =, signature =, summary =}`), weak-keyed; the REPL reads it.
    static let docsKey = "inbox-lua.docs"

    /// Installs the modules. In the full profile `inbox` is built on its first use (see
    /// ``ModuleSource/bootstrap``); in the sandbox, now.
    ///
    /// - Returns: a function that builds `inbox` now if it is not built yet.
    func installAll(output: ((String) -> Void)?) throws -> LuaValue {
        try installJSON()
        let bootstrap = try lua.load(ModuleSource.bootstrap, name: "=inbox-lua")
        var writeLine = LuaValue.nil
        if let output {
            writeLine = try lua.function(named: "print") { arguments in
                output(String(decoding: try arguments.bytes(1), as: UTF8.self))
                return []
            }
        }
        let results = try lua.call(
            bootstrap,
            [
                try installer(), .table(try LogModule.functions(lua, session)), writeLine,
                try preparer(), .boolean(lua.profile != .sandbox),
            ])
        return results.first ?? .nil
    }

    /// `prepare()`: what building `inbox` needs, made when it is first needed: the
    /// ``ModuleSource/inbox`` chunk, the binding entries, the rules chunk, the sandbox flag
    /// and `protect`.
    private func preparer() throws -> LuaValue {
        let session = self.session
        return try lua.function(named: "inbox") { arguments in
            // Not `self`: a function kept in the state must not hold the state.
            let lua = arguments.state
            let installer = ModuleInstaller(lua: lua, session: session)
            return [
                try lua.load(ModuleSource.inbox, name: "=inbox"),
                .table(try installer.bindingEntries()),
                try lua.load(ModuleSource.rules, name: "=inbox.rules"),
                .boolean(lua.profile == .sandbox), try installer.protector(),
            ]
        }
    }

    // MARK: - json

    /// Opens the C `json` module under protection, as a global and `require "json"`.
    private func installJSON() throws {
        guard let state = lua.pointer else { return }
        let top = lua_gettop(state)
        defer { lua_settop(state, top) }
        lua_pushcclosure(state, inbox_json_open_global, 0)
        guard inbox_lua_pcall(state, 0, 0, 0) == LUA_OK else {
            throw LuaError(kind: .memory, message: "cannot open the json module")
        }
    }

    // MARK: - The inbox module

    /// The bindings as `{name, fn, signature, summary, callable, path, key}` entries, where
    /// `path` holds the keys below `inbox` of the table the function goes in and `key` its
    /// own (sequences only: a Swift dictionary here costs time in generic metadata lookups).
    private func bindingEntries() throws -> LuaTable {
        var entries: [LuaValue] = []
        for binding in Binding.all {
            let session = self.session
            let function = try lua.function(named: binding.name) { arguments in
                var id: String?
                do {
                    let call = try BindingArguments.parse(binding, session, arguments)
                    id = call.id
                    return .many(try binding.run(call))
                } catch let error as BindingError {
                    throw error
                } catch let error as LuaError {
                    throw error
                } catch let error as InboxError
                    where error.kind == .cancelled
                    && error.message == CancellationToken.timeLimitReason
                {
                    // The run's deadline ended the call: the run's time limit, not an
                    // error a script's pcall could catch.
                    throw LuaError(kind: .timeLimit, message: error.message)
                } catch {
                    throw BindingError(binding.name, Self.message(error, quoting: id))
                }
            }
            var callable = false
            if case .callableTable = binding.shape {
                callable = true
            }
            var path = binding.name.split(separator: ".").dropFirst().map {
                LuaValue.string(String($0))
            }
            let key = path.removeLast()
            let entry: [LuaValue] = [
                .string(binding.name), function, .string(binding.signature),
                .string(binding.summary), .boolean(callable), .table(LuaTable(sequence: path)),
                key,
            ]
            entries.append(.table(LuaTable(sequence: entry)))
        }
        return LuaTable(sequence: entries)
    }

    /// A backend's error as a binding reports it: the id the script passed shortened to an
    /// excerpt, and NUL bytes escaped.
    static func message(_ error: any Error, quoting id: String?) -> String {
        var message = String(describing: error)
        if let id, id.count > ArgumentText.excerptLength {
            message = message.replacing(id, with: ArgumentText.excerpt(id))
        }
        return ArgumentText.escapingNUL(message)
    }

    /// `install(name, value [, docs [, preload]])`: sets the global `name` to the value (in the
    /// sandbox, to a read-only view of it), makes `require(name)` return it unless `preload`
    /// is false, and stores `docs` in the registry under ``docsKey``.
    private func installer() throws -> LuaValue {
        let sandbox = lua.profile == .sandbox
        return try lua.function(named: "install") { arguments in
            // The bootstrap calls this from the main thread, whose stack holds the arguments.
            guard let state = arguments.state.pointer else { return [] }
            let name = try arguments.string(1)
            let preload = arguments.isNil(4) || arguments.boolean(4)
            Self.install(state, name: name, at: 2, preload: preload, sandbox: sandbox)
            if lua_type(state, 3) == LUA_TTABLE {
                lua_pushvalue(state, 3)
                lua_setfield(state, inbox_lua_registryindex(), Self.docsKey)
            }
            return []
        }
    }

    /// `protect(parent, key)`: replaces `parent[key]`, a table, by the sandbox's read-only view
    /// of it (the one `rawset` refuses), keeping its `__call`; the write to `parent` is raw.
    private func protector() throws -> LuaValue {
        try lua.function(named: "protect") { arguments in
            // The bootstrap calls this from the main thread, whose stack holds the arguments.
            guard let state = arguments.state.pointer, lua_type(state, 1) == LUA_TTABLE else {
                return []
            }
            lua_settop(state, 2)
            lua_pushvalue(state, 2)
            guard lua_rawget(state, 1) == LUA_TTABLE else { return [] }
            if lua_getmetatable(state, 3) == 0 { lua_pushnil(state) }  // 4: its metatable
            var call = LUA_TNIL  // 5: its __call
            if lua_type(state, 4) == LUA_TTABLE {
                call = lua_getfield(state, 4, "__call")
            } else {
                lua_pushnil(state)
            }
            lua_pushvalue(state, 3)
            inbox_lua_push_readonly(state)  // 6: the view
            if call != LUA_TNIL {
                _ = lua_getmetatable(state, 6)
                lua_pushvalue(state, 5)
                lua_setfield(state, -2, "__call")
                inbox_lua_pop(state, 1)
            }
            lua_pushvalue(state, 2)
            lua_pushvalue(state, 6)
            lua_rawset(state, 1)
            lua_settop(state, 2)
            return []
        }
    }

    /// Sets the global `name` and `package.preload[name]` to the value at `index`, raw.
    /// Only memory errors can arise, and none while Swift runs (see the shim).  [-0, +0, m]
    private static func install(
        _ state: OpaquePointer, name: String, at index: Int32, preload: Bool, sandbox: Bool
    ) {
        let value = lua_absindex(state, index)
        let registry = inbox_lua_registryindex()
        lua_pushvalue(state, value)
        if sandbox && lua_type(state, value) == LUA_TTABLE {
            inbox_lua_push_readonly(state)
        }
        _ = lua_getfield(state, registry, INBOX_LUA_GLOBALS_KEY)
        lua_pushstring(state, name)
        lua_pushvalue(state, -3)
        lua_rawset(state, -3)
        inbox_lua_pop(state, 1)
        if preload {
            _ = luaL_getsubtable(state, registry, LUA_PRELOAD_TABLE)
            lua_pushstring(state, name)
            lua_pushvalue(state, -3)
            lua_pushcclosure(state, inbox_lua_return_upvalue, 1)
            lua_rawset(state, -3)
            inbox_lua_pop(state, 1)
        }
        inbox_lua_pop(state, 1)
    }

    // MARK: - Chunk environments

    /// A function `(chunk, name)` returning the global `name` of a sandboxed chunk: a raw read
    /// of the chunk's own environment (its first upvalue, `_ENV`).
    static func environmentReader(_ lua: LuaState) throws -> LuaValue {
        try lua.function(named: "environment") { arguments in
            guard let state = arguments.state.pointer, lua_type(state, 1) == LUA_TFUNCTION,
                lua_type(state, 2) == LUA_TSTRING, lua_getupvalue(state, 1, 1) != nil
            else { return [.nil] }
            guard lua_type(state, -1) == LUA_TTABLE else { return [.nil] }
            lua_pushvalue(state, 2)
            lua_rawget(state, -2)
            lua_copy(state, -1, 2)
            lua_settop(state, 2)
            return [try arguments.value(2)]
        }
    }
}
