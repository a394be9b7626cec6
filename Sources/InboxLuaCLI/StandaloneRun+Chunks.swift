import CLua
import CLuaStandalone
import LuaKit

#if canImport(Glibc)
    import Glibc
#endif

extension StandaloneRun {
    /// The `arg` table, `LUA_INIT` (unless `-E`), and the module search paths.
    func prepare() throws {
        setArgTable()
        guard lua.profile == .full else { return }
        if options.ignoreEnvironment {
            try setPaths(
                "package.path, package.cpath = ...",
                String(cString: inbox_standalone_default_path()),
                String(cString: inbox_standalone_default_cpath()))
        }
        if case .file(let path) = options.script {
            // Modules next to the script come first, then LUA_PATH (or the defaults).
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            let prefix = "\(folder)/?.lua;\(folder)/?/init.lua;"
            try setPaths("package.path = ... .. package.path", prefix)
        }
        if !options.ignoreEnvironment {
            try runInit()
        }
    }

    /// Sets the global `arg` as lua.c builds it: the script name at 0, what precedes it at
    /// negative indices, its arguments from 1; with no script, the program name is at 0.
    /// Built on the stack, raw: a Swift `LuaTable` would cost start-up time in generic
    /// metadata lookups for its dictionary.
    func setArgTable() {
        guard let state = lua.pointer else { return }
        _ = lua_getfield(state, inbox_lua_registryindex(), INBOX_LUA_GLOBALS_KEY)
        lua_pushstring(state, "arg")
        let scriptIndex = options.scriptIndex
        lua_createtable(
            state, Int32(clamping: max(0, argv.count - scriptIndex - 1)),
            Int32(clamping: min(argv.count, scriptIndex + 1)))
        for (index, argument) in argv.enumerated() {
            lua_pushstring(state, argument)
            lua_rawseti(state, -2, lua_Integer(index - scriptIndex))
        }
        lua_rawset(state, -3)
        inbox_lua_pop(state, 1)
    }

    /// `-e`, `-l` and `-W`.
    func perform(_ action: CommandLineOptions.Action) throws {
        switch action {
        case .execute(let source):
            try runChunk(lua.load(source, name: "=(command line)"), arguments: [])
        case .require(let global, let module):
            // In C, so that the module table itself (not a Swift copy) lands in the global.
            let require = try cFunction(inbox_standalone_require_k)
            try runChunk(require, arguments: [.string(global), .string(module)])
        case .warningsOn:
            if let state = lua.pointer {
                inbox_standalone_warnings_on(state)
            }
        }
    }

    /// The script, given `arg[1...#arg]` as `...` (after `-e` had its chance to change
    /// them, as in lua.c).
    func runScript(_ script: CommandLineOptions.Script) throws {
        var path: String?
        if case .file(let file) = script {
            path = file
        }
        let chunk = try ChunkReader.load(path, into: lua)
        if let strings = argStrings() {
            try runChunk(chunk, arguments: strings)
            return
        }
        guard case .table(let arg) = try lua.global("arg") else {
            throw LuaError(kind: .runtime, message: "'arg' is not a table")
        }
        try runChunk(chunk, arguments: arg.sequence)
    }

    /// `arg[1...]` read raw when `arg` is a table whose sequence holds only strings (as the
    /// command line leaves it), else nil; this skips converting the whole table.
    private func argStrings() -> [LuaValue]? {
        guard let state = lua.pointer else { return nil }
        let top = lua_gettop(state)
        defer { lua_settop(state, top) }
        _ = lua_getfield(state, inbox_lua_registryindex(), INBOX_LUA_GLOBALS_KEY)
        lua_pushstring(state, "arg")
        guard lua_rawget(state, -2) == LUA_TTABLE else { return nil }
        var strings: [LuaValue] = []
        while true {
            let type = lua_rawgeti(state, -1, lua_Integer(strings.count + 1))
            defer { inbox_lua_pop(state, 1) }
            if type == LUA_TNIL { return strings }
            guard type == LUA_TSTRING else { return nil }
            var length = 0
            guard let chars = lua_tolstring(state, -1, &length) else { return nil }
            strings.append(.string([UInt8](UnsafeRawBufferPointer(start: chars, count: length))))
        }
    }

    /// Calls a compiled chunk with Ctrl-C caught.
    func runChunk(_ chunk: LuaValue, arguments: [LuaValue]) throws {
        _ = try watcher.catching(lua) { try lua.call(chunk, arguments) }
    }

    /// `LUA_INIT_5_4`, else `LUA_INIT`: a chunk, or `@file` to run a file.
    private func runInit() throws {
        var name = "LUA_INIT_5_4"
        var value = getenv(name)
        if value == nil {
            name = "LUA_INIT"
            value = getenv(name)
        }
        guard let value else { return }
        let source = String(cString: value)
        if source.hasPrefix("@") {
            try runChunk(ChunkReader.load(String(source.dropFirst()), into: lua), arguments: [])
        } else {
            try runChunk(lua.load(source, name: "=" + name), arguments: [])
        }
    }

    private func setPaths(_ statement: String, _ values: String...) throws {
        _ = try lua.run(statement, name: "=(inbox-lua)", arguments: values.map(LuaValue.string))
    }

    /// A C function as a value that ``LuaState/call(_:_:)`` can run protected: it is
    /// passed through a hidden global, since LuaKit makes values only from the stack.
    func cFunction(_ function: lua_CFunction) throws -> LuaValue {
        let hidden = "\u{1}inbox-lua.c-function"
        guard let state = lua.pointer else { return .nil }
        _ = lua_getfield(state, inbox_lua_registryindex(), INBOX_LUA_GLOBALS_KEY)
        lua_pushstring(state, hidden)
        lua_pushcclosure(state, function, 0)
        lua_rawset(state, -3)
        inbox_lua_pop(state, 1)
        defer { try? lua.setGlobal(hidden, .nil) }
        return try lua.global(hidden)
    }

    /// Runs a C function inside `lua_pcall`, as the C boundary rule asks.
    func protectedCall(_ function: lua_CFunction) throws {
        guard let state = lua.pointer else { return }
        lua_pushcclosure(state, function, 0)
        guard inbox_lua_pcall(state, 0, 0, 0) != LUA_OK else { return }
        let message = inbox_lua_tostring(state, -1).map { String(cString: $0) } ?? "error"
        inbox_lua_pop(state, 1)
        throw LuaError(kind: .runtime, message: message)
    }
}
