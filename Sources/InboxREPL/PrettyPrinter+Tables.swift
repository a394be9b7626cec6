import CLua

extension PrettyPrinter {
    /// A key of a table, in the order the printer sorts keys: numbers, then strings
    /// bytewise, then booleans, then everything else by type and address.
    enum SortKey: Comparable {
        case number(Double, Int64?)
        case string([UInt8])
        case boolean(Bool)
        case other(String, Int)

        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            switch (lhs, rhs) {
            case (.number(let a, let x), .number(let b, let y)):
                if let x, let y { return x < y }
                return a < b
            case (.string(let a), .string(let b)): return a.lexicographicallyPrecedes(b)
            case (.boolean(let a), .boolean(let b)): return !a && b
            case (.other(let a, let x), .other(let b, let y)): return (a, x) < (b, y)
            default: return lhs.rank < rhs.rank
            }
        }

        private var rank: Int {
            switch self {
            case .number: 0
            case .string: 1
            case .boolean: 2
            case .other: 3
            }
        }
    }

    /// The table at `index` (absolute), its sequence first, then its other keys sorted.
    mutating func table(at index: Int32, depth: Int) -> PrintedValue {
        let lua = stack.pointer
        guard let identity = lua_topointer(lua, index) else { return .atom("{}") }
        if path.contains(identity) {
            let label = labels[identity] ?? labels.count + 1
            labels[identity] = label
            return .atom("<table \(label)>")
        }
        let marked = inbox_lua_is_array(lua, index) != 0
        let length = sequenceLength(at: index, marked: marked)
        let keys = otherKeys(at: index, length: length)
        if length == 0 && keys.isEmpty {
            // An empty table that reads through to another (a read-only view of the
            // sandbox) prints as the table it shows.
            if !marked, lua_checkstack(lua, 4) != 0, stack.pushIndexTable(of: index) {
                path.insert(identity)
                defer {
                    path.remove(identity)
                    inbox_lua_pop(lua, 1)
                }
                return table(at: lua_gettop(lua), depth: depth)
            }
            return .atom(marked ? "json.array{}" : "{}")
        }
        guard depth <= limits.depth, lua_checkstack(lua, 8) != 0 else { return .deep }

        path.insert(identity)
        defer { path.remove(identity) }
        var entries: [PrintedValue.Entry] = []
        let shown = min(length, limits.items)
        for position in 0..<shown {
            lua_rawgeti(lua, index, lua_Integer(position + 1))
            entries.append(.init(key: nil, value: tree(at: lua_gettop(lua), depth: depth + 1)))
            inbox_lua_pop(lua, 1)
        }
        for key in keys.prefix(max(0, limits.items - shown)) {
            let keyText = push(key, of: index)
            lua_rawget(lua, index)
            entries.append(.init(key: keyText, value: tree(at: lua_gettop(lua), depth: depth + 1)))
            inbox_lua_pop(lua, 1)
        }
        let omitted = length + keys.count - entries.count
        return .table(label: labels[identity], prefix: "", entries: entries, omitted: omitted)
    }

    /// How many values `t[1]`, `t[2]`, ... print without keys: the keys `1...n` that are
    /// all present, or for a marked array its border `#t` too (holes print as nil).
    private func sequenceLength(at index: Int32, marked: Bool) -> Int {
        let lua = stack.pointer
        var length = 0
        while lua_rawgeti(lua, index, lua_Integer(length + 1)) != LUA_TNIL {
            inbox_lua_pop(lua, 1)
            length += 1
        }
        inbox_lua_pop(lua, 1)
        return marked ? max(length, Int(lua_rawlen(lua, index))) : length
    }

    /// The keys outside the sequence `1...length`, sorted. Keys that cannot be pushed
    /// again from Swift (tables, functions, ...) are pushed by traversal.
    private func otherKeys(at index: Int32, length: Int) -> [SortKey] {
        let lua = stack.pointer
        var keys: [SortKey] = []
        stack.preserving {
            lua_pushnil(lua)
            while lua_next(lua, index) != 0 {
                if let key = sortKey(at: -2, length: length) {
                    keys.append(key)
                }
                inbox_lua_pop(lua, 1)
            }
        }
        return keys.sorted()
    }

    private func sortKey(at index: Int32, length: Int) -> SortKey? {
        let lua = stack.pointer
        switch lua_type(lua, index) {
        case LUA_TNUMBER:
            if lua_isinteger(lua, index) != 0 {
                let value = lua_tointegerx(lua, index, nil)
                if value >= 1 && value <= length { return nil }
                return .number(Double(value), value)
            }
            return .number(lua_tonumberx(lua, index, nil), nil)
        case LUA_TSTRING: return .string(stack.bytes(at: index))
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(lua, index) != 0)
        default:
            let name = String(cString: lua_typename(lua, lua_type(lua, index)))
            return .other(name, Int(bitPattern: lua_topointer(lua, index)))
        }
    }

    /// Pushes `key` and returns how it prints before ` = `.  [-0, +1, m]
    private func push(_ key: SortKey, of table: Int32) -> String {
        let lua = stack.pointer
        switch key {
        case .number(let value, let integer):
            if let integer {
                lua_pushinteger(lua, integer)
            } else {
                lua_pushnumber(lua, value)
            }
            return "[" + stack.text(at: -1) + "]"
        case .string(let bytes):
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    _ = lua_pushlstring(lua, chars.baseAddress, chars.count)
                }
            }
            let name = String(decoding: bytes, as: UTF8.self)
            if LuaSyntax.isIdentifier(name) { return name }
            return "[" + LuaQuoting.quote(bytes, limit: limits.stringBytes) + "]"
        case .boolean(let flag):
            lua_pushboolean(lua, flag ? 1 : 0)
            return flag ? "[true]" : "[false]"
        case .other(let name, let address):
            pushKey(identity: address, of: table)
            return "[" + name + ": 0x" + String(UInt(bitPattern: address), radix: 16) + "]"
        }
    }

    /// Pushes the key of `table` whose identity is `address`, found by traversal.
    private func pushKey(identity address: Int, of table: Int32) {
        let lua = stack.pointer
        lua_pushnil(lua)
        while lua_next(lua, table) != 0 {
            inbox_lua_pop(lua, 1)
            if Int(bitPattern: lua_topointer(lua, -1)) == address { return }
        }
        lua_pushnil(lua)
    }
}
