import CLua

extension LuaState {
    /// How deep tables may nest when converted either way.
    public static let maximumTableDepth = 200

    /// Pushes a value.  [-0, +1, m]; throws (leaving the stack to the caller's guard) on
    /// a value that cannot be pushed.
    func push(_ value: LuaValue, _ state: OpaquePointer, depth: Int = 0) throws {
        try ensureStack(state, 3)
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
        case .table(let table): try push(table, state, depth: depth + 1)
        case .function(let reference), .userdata(let reference), .thread(let reference):
            try reference.push(state, into: self)
        case .null: inbox_lua_push_null(state)
        }
    }

    private func push(_ table: LuaTable, _ state: OpaquePointer, depth: Int) throws {
        guard depth <= Self.maximumTableDepth else {
            throw LuaError(
                kind: .runtime,
                message: "table nested too deeply (more than \(Self.maximumTableDepth) levels)")
        }
        lua_createtable(
            state, Int32(clamping: table.sequence.count),
            Int32(clamping: table.fields.count))
        for (offset, element) in table.sequence.enumerated() {
            try push(element, state, depth: depth)
            lua_rawseti(state, -2, lua_Integer(offset + 1))
        }
        for (key, element) in table.fields {
            // A pattern, not `!=`: the synthesized equality is a call per field.
            if case .nil = element { continue }
            switch key {
            case .nil:
                throw LuaError(kind: .runtime, message: "table index is nil")
            case .number(let number) where number.isNaN:
                throw LuaError(kind: .runtime, message: "table index is NaN")
            default:
                try push(key, state, depth: depth)
                try push(element, state, depth: depth)
                lua_rawset(state, -3)
            }
        }
        if table.isArray {
            inbox_lua_push_array_mt(state)
            lua_setmetatable(state, -2)
        }
    }

    /// Converts the value at `index` without changing the stack.
    func value(at index: Int32, _ state: OpaquePointer) throws -> LuaValue {
        var path: Set<UnsafeRawPointer> = []
        return try value(at: lua_absindex(state, index), state, path: &path)
    }

    private func value(
        at index: Int32, _ state: OpaquePointer, path: inout Set<UnsafeRawPointer>
    ) throws -> LuaValue {
        switch lua_type(state, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(state, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(state, index) != 0 {
                return .integer(lua_tointegerx(state, index, nil))
            }
            return .number(lua_tonumberx(state, index, nil))
        case LUA_TSTRING: return .string(bytes(at: index, state))
        case LUA_TTABLE: return .table(try table(at: index, state, path: &path))
        case LUA_TFUNCTION: return .function(reference(at: index, state))
        case LUA_TTHREAD: return .thread(reference(at: index, state))
        default:
            if inbox_lua_is_null(state, index) != 0 { return .null }
            return .userdata(reference(at: index, state))
        }
    }

    /// The bytes of the string at `index` (which must be a string or a number).
    func bytes(at index: Int32, _ state: OpaquePointer) -> [UInt8] {
        var length = 0
        guard let chars = lua_tolstring(state, index, &length) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: chars, count: length))
    }

    /// A reference to the value at `index`.
    func reference(at index: Int32, _ state: OpaquePointer) -> LuaReference {
        lua_pushvalue(state, index)
        return LuaReference(popping: state, owner: self)
    }

    private func table(
        at index: Int32, _ state: OpaquePointer, path: inout Set<UnsafeRawPointer>
    ) throws -> LuaTable {
        guard let identity = lua_topointer(state, index) else { return LuaTable() }
        guard path.count < Self.maximumTableDepth else {
            throw LuaError(
                kind: .runtime,
                message: "table nested too deeply (more than \(Self.maximumTableDepth) levels)")
        }
        guard path.insert(identity).inserted else {
            throw LuaError(kind: .runtime, message: "cannot convert a cyclic table")
        }
        defer { path.remove(identity) }
        try ensureStack(state, 4)

        var fields: [LuaValue: LuaValue] = [:]
        lua_pushnil(state)
        while lua_next(state, index) != 0 {
            let top = lua_gettop(state)
            do {
                let key = try value(at: top - 1, state, path: &path)
                fields[key] = try value(at: top, state, path: &path)
            } catch {
                inbox_lua_pop(state, 2)
                throw error
            }
            inbox_lua_pop(state, 1)
        }

        var sequence: [LuaValue] = []
        while let element = fields.removeValue(forKey: .integer(Int64(sequence.count + 1))) {
            sequence.append(element)
        }
        let isArray = inbox_lua_is_array(state, index) != 0
        return LuaTable(sequence: sequence, fields: fields, isArray: isArray)
    }
}
