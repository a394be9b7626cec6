import CLua

/// The keys of a ``LuaRecord`` type in a state: a table of Lua strings at `1...count`, kept
/// in the registry.
struct LuaRecordKeys {
    let type: ObjectIdentifier
    let reference: lua_Integer
    let count: Int
}

extension LuaState {
    /// The keys of `Record` in this state, made on first use and kept for the life of the
    /// state.  [-0, +0, m]
    ///
    /// - Throws: ``LuaError`` when the keys are not distinct.
    func keys<Record: LuaRecord>(
        of record: Record.Type, _ lua: OpaquePointer
    ) throws -> LuaRecordKeys {
        let type = ObjectIdentifier(record)
        if let reference = recordKeys[type] {
            return reference
        }

        let keys = Record.luaKeys
        guard Set(keys).count == keys.count else {
            throw LuaError(
                kind: .runtime, message: "the keys of \(Record.self) are not distinct: \(keys)")
        }
        try ensureStack(lua, 2)
        lua_createtable(lua, Int32(clamping: keys.count), 0)
        for (offset, key) in keys.enumerated() {
            try push(.string(key), lua)
            lua_rawseti(lua, -2, lua_Integer(offset + 1))
        }
        let reference = lua_Integer(luaL_ref(lua, inbox_lua_registryindex()))
        let made = LuaRecordKeys(type: type, reference: reference, count: keys.count)
        recordKeys[type] = made
        return made
    }
}
