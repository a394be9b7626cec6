import InboxClient
import LuaKit

extension ScriptHost {
    // MARK: - Scripts

    /// Runs a script file as `lua5.4 path arguments...` would: `arg` holds the path at 0 and
    /// the arguments from 1, and the chunk receives the arguments as `...`.
    ///
    /// - Returns: the chunk's results.
    /// - Throws: ``LuaError`` (`.file` when unreadable, `.syntax`, `.runtime`, a limit).
    @discardableResult
    public func run(file path: String, arguments: [String] = []) throws -> [LuaValue] {
        let chunk = try lua.load(file: path)
        try lua.setGlobal("arg", .table(Self.argTable(script: path, arguments)))
        return try lua.call(chunk, arguments.map(LuaValue.string))
    }

    /// Runs source text as a script; `name` is its chunk name (`=name` or `@path`).
    @discardableResult
    public func run(source: String, name: String = "=script", arguments: [String] = [])
        throws -> [LuaValue]
    {
        let chunk = try lua.load(source, name: name)
        return try lua.call(chunk, arguments.map(LuaValue.string))
    }

    // MARK: - Rule scripts

    /// Loads a rule script once: runs the chunk, so that the functions it defines (as globals,
    /// or in a table it returns) can then be called by name with ``function(_:)``.
    @discardableResult
    public func load(file path: String) throws -> [LuaValue] {
        try keep(lua.load(file: path))
    }

    /// Loads rule source text once; see ``load(file:)``.
    @discardableResult
    public func load(source: String, name: String = "=rules") throws -> [LuaValue] {
        try keep(lua.load(source, name: name))
    }

    /// The function called `name`: a field of a table a loaded script returned, a global it
    /// defined (in the sandbox, its own globals), or a shared global; the latest load wins.
    ///
    /// - Throws: ``ScriptValueError`` when there is no function of that name.
    public func function(_ name: String) throws -> ScriptFunction {
        for chunk in loadedChunks.reversed() {
            if let exported = chunk.exports?[name], case .function = exported {
                return try ScriptFunction(name: name, value: exported, host: self)
            }
            guard lua.profile == .sandbox else { continue }
            let own = try chunkGlobal(chunk.function, name)
            if case .function = own {
                return try ScriptFunction(name: name, value: own, host: self)
            }
        }
        let global = try lua.global(name)
        guard case .function = global else {
            throw ScriptValueError("no function named '\(name)' (got \(global.typeName))")
        }
        return try ScriptFunction(name: name, value: global, host: self)
    }

    /// Calls the function called `name` with Lua values; see ``function(_:)``, which is the
    /// cheaper way to call the same function many times.
    public func call(_ name: String, _ arguments: [LuaValue]) throws -> [LuaValue] {
        try function(name).call(arguments)
    }

    /// Calls the function called `name` with JSON values, returning JSON values.
    public func call(_ name: String, json arguments: [JSONValue]) throws -> [JSONValue] {
        try function(name).call(json: arguments)
    }

    // MARK: - Internals

    private func keep(_ chunk: LuaValue) throws -> [LuaValue] {
        let results = try lua.call(chunk)
        var exports: LuaTable?
        if case .table(let table)? = results.first {
            exports = table
        }
        loadedChunks.append(LoadedChunk(function: chunk, exports: exports))
        return results
    }

    /// The global `name` of a sandboxed chunk: a raw read of its own environment.
    private func chunkGlobal(_ chunk: LuaValue, _ name: String) throws -> LuaValue {
        try lua.call(ModuleInstaller.environmentReader(lua), [chunk, .string(name)]).first
            ?? .nil
    }

    /// `arg` as `lua5.4` builds it: the script at 0, the interpreter at -1, arguments from 1.
    static func argTable(script: String, _ arguments: [String]) -> LuaTable {
        var table = LuaTable(sequence: arguments.map(LuaValue.string))
        table[.integer(0)] = .string(script)
        table[.integer(-1)] = "inbox-lua"
        return table
    }
}
