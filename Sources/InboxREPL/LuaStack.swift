import CLua

/// Raw reads of a Lua state for the REPL, which needs values as they are on the stack
/// (cyclic tables, metatables, identities) rather than LuaKit's copies.
///
/// Every function here calls only Lua API functions that cannot raise, or that raise
/// only memory errors (`-` and `m` in the manual's section 4.6); LuaKit's allocator does
/// not fail while Swift code runs (see `lua_boundary.h`). Anything that may run a
/// metamethod goes through the protected helpers of the CLua shim.
struct LuaStack {
    let pointer: OpaquePointer

    /// Runs `body` and puts the stack top back where it was, on every path.
    func preserving<T>(_ body: () throws -> T) rethrows -> T {
        let top = lua_gettop(pointer)
        defer { lua_settop(pointer, top) }
        return try body()
    }

    /// An absolute index for `index`.
    func absolute(_ index: Int32) -> Int32 {
        lua_absindex(pointer, index)
    }

    /// Pushes `registry[key]` and returns its type.  [-0, +1, m]
    @discardableResult
    func pushRegistryField(_ key: String) -> Int32 {
        lua_pushstring(pointer, key)
        return lua_rawget(pointer, inbox_lua_registryindex())
    }

    /// Pushes `t[name]` for the table at `index`, raw, and returns its type.  [-0, +1, m]
    @discardableResult
    func pushField(_ name: String, of index: Int32) -> Int32 {
        let table = absolute(index)
        lua_pushstring(pointer, name)
        return lua_rawget(pointer, table)
    }

    /// Sets `t[name]` to the value on top, raw, for the table at `index`.  [-1, +0, m]
    func setField(_ name: String, of index: Int32) {
        let table = absolute(index)
        lua_pushstring(pointer, name)
        lua_rotate(pointer, -2, 1)
        lua_rawset(pointer, table)
    }

    /// The bytes of the string at `index`; numbers are converted on a copy, so that a
    /// key being traversed is never changed in place.
    func bytes(at index: Int32) -> [UInt8] {
        lua_pushvalue(pointer, index)
        defer { inbox_lua_pop(pointer, 1) }
        var length = 0
        guard let chars = lua_tolstring(pointer, -1, &length) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: chars, count: length))
    }

    /// The text of the string at `index`, decoded leniently.
    func text(at index: Int32) -> String {
        String(decoding: bytes(at: index), as: UTF8.self)
    }

    /// The string field `name` of the table at `index`, raw; nil when it is not a string.
    func stringField(_ name: String, of index: Int32) -> String? {
        preserving {
            pushField(name, of: index) == LUA_TSTRING ? text(at: -1) : nil
        }
    }

    /// The address Lua's `tostring` shows for the value at `index`: `0x55d0c4a2e2a0`.
    func address(at index: Int32) -> String {
        guard let pointer = lua_topointer(pointer, index) else { return "0x0" }
        return "0x" + String(UInt(bitPattern: pointer), radix: 16)
    }

    /// The keys of the table at `index` that are identifiers, raw, with their values'
    /// types. Does not follow metatables.
    func identifierKeys(of index: Int32) -> [(name: String, type: Int32)] {
        preserving {
            let table = absolute(index)
            var keys: [(String, Int32)] = []
            lua_pushnil(pointer)
            while lua_next(pointer, table) != 0 {
                if lua_type(pointer, -2) == LUA_TSTRING {
                    let name = text(at: -2)
                    if LuaSyntax.isIdentifier(name) {
                        keys.append((name, lua_type(pointer, -1)))
                    }
                }
                inbox_lua_pop(pointer, 1)
            }
            return keys
        }
    }

    /// The identifier keys of the value at `index` (when a table) and of the `__index`
    /// tables of its metatables, raw, with their values' types; a key found twice counts
    /// once, where it is found first.
    func inheritedIdentifierKeys(of index: Int32) -> [(name: String, type: Int32)] {
        preserving {
            var value = absolute(index)
            var keys: [(name: String, type: Int32)] = []
            var seen: Set<String> = []
            for _ in 0..<16 {
                if lua_type(pointer, value) == LUA_TTABLE {
                    for key in identifierKeys(of: value) where seen.insert(key.name).inserted {
                        keys.append(key)
                    }
                }
                guard pushIndexTable(of: value) else { break }
                value = lua_gettop(pointer)
            }
            return keys
        }
    }

    /// Pushes the metatable's `__index` of the value at `index` when it is a table, read
    /// raw (ignoring `__metatable`), and returns true; pushes nothing otherwise.
    func pushIndexTable(of index: Int32) -> Bool {
        let value = absolute(index)
        guard lua_getmetatable(pointer, value) != 0 else { return false }
        let found = pushField("__index", of: -1) == LUA_TTABLE
        lua_rotate(pointer, -2, 1)
        inbox_lua_pop(pointer, found ? 1 : 2)
        return found
    }
}
