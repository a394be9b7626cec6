import CLua
import FoundationEssentials

extension LuaState {
    /// Compiles a chunk without running it, returning it as a function.
    ///
    /// - Parameters:
    ///   - source: the chunk's bytes.
    ///   - name: Lua's chunk name: `@path` for a file, `=name` for a literal name, or the
    ///     source itself (shown as `[string "..."]`).
    ///   - mode: binary chunks are refused unless explicitly allowed; crafted bytecode can
    ///     crash the VM.
    /// - Throws: ``LuaError`` of kind `.syntax` (see ``LuaError/isIncompleteInput``) or
    ///   `.memory`.
    public func load(_ source: [UInt8], name: String, mode: LuaChunkMode = .text) throws
        -> LuaValue
    {
        try withStack { state in
            try ensureStack(state, 2)
            let status = source.withUnsafeBufferPointer { buffer in
                // lua_load runs the parser protected, so the allocator may fail inside.
                let saved = control.pointee.in_swift
                control.pointee.in_swift = 0
                defer { control.pointee.in_swift = saved }
                return buffer.withMemoryRebound(to: CChar.self) { chars in
                    luaL_loadbufferx(state, chars.baseAddress, chars.count, name, mode.cMode)
                }
            }
            guard status == LUA_OK else {
                throw popError(state, status: status)
            }
            if profile == .sandbox {
                inbox_lua_isolate(state)
            }
            return try value(at: -1, state)
        }
    }

    /// Compiles a chunk given as text; see ``load(_:name:mode:)-([UInt8],_,_)``.
    public func load(_ source: String, name: String, mode: LuaChunkMode = .text) throws
        -> LuaValue
    {
        try load(Array(source.utf8), name: name, mode: mode)
    }

    /// Compiles a file, named `@path` like `lua5.4` does; a first line starting with `#`
    /// is skipped.
    ///
    /// - Throws: ``LuaError`` of kind `.file` when the file cannot be read.
    public func load(file path: String, mode: LuaChunkMode = .text) throws -> LuaValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LuaError(kind: .file, message: "cannot open \(path)", chunk: path)
        }
        var bytes = [UInt8](data)
        if bytes.first == UInt8(ascii: "#") {
            // Keep the newline so that line numbers stay right.
            let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            bytes.removeSubrange(bytes.startIndex..<end)
        }
        return try load(bytes, name: "@" + path, mode: mode)
    }

    /// Compiles and runs a chunk, returning its results.
    public func run(_ source: String, name: String = "=(load)", arguments: [LuaValue] = [])
        throws -> [LuaValue]
    {
        try call(load(source, name: name), arguments)
    }

    /// Compiles and runs a file, returning its results.
    public func run(file path: String, arguments: [LuaValue] = []) throws -> [LuaValue] {
        try call(load(file: path), arguments)
    }
}
