import CLua

/// Renders Lua values for the REPL: tables as indented Lua-like constructors with sorted
/// keys, arrays as arrays, `json.null` by name, cycles labelled, long strings cut.
///
/// It reads everything raw: no `__index`, `__pairs` or `__len` runs, so printing cannot
/// raise or loop. The one metamethod it calls is a userdata's `__tostring`, inside a
/// protected call, falling back to `name: 0x...` when that fails.
struct PrettyPrinter {
    let stack: LuaStack
    let limits: REPLPrintLimits

    /// Index of the bindings' documentation table (see ``HelpPage``), if any: documented
    /// functions print by name.
    var docsIndex: Int32?

    var labels: [UnsafeRawPointer: Int] = [:]
    var path: Set<UnsafeRawPointer> = []

    init(stack: LuaStack, limits: REPLPrintLimits, docsIndex: Int32? = nil) {
        self.stack = stack
        self.limits = limits
        self.docsIndex = docsIndex
    }

    /// The value at `index`, laid out for the terminal.
    mutating func render(at index: Int32) -> String {
        labels = [:]
        path = []
        return tree(at: stack.absolute(index), depth: 1).layout(width: limits.width)
    }

    /// The value at `index` as a tree.
    mutating func tree(at index: Int32, depth: Int) -> PrintedValue {
        let lua = stack.pointer
        switch lua_type(lua, index) {
        case LUA_TTABLE: return table(at: index, depth: depth)
        case LUA_TSTRING:
            return .atom(LuaQuoting.quote(stack.bytes(at: index), limit: limits.stringBytes))
        case LUA_TFUNCTION:
            return .atom("function: " + (documentedName(at: index) ?? stack.address(at: index)))
        case LUA_TUSERDATA, LUA_TLIGHTUSERDATA: return .atom(userdata(at: index))
        default: return .atom(scalar(at: index))
        }
    }

    /// nil, booleans, numbers (as Lua's `tostring` writes them), and threads.
    func scalar(at index: Int32) -> String {
        let lua = stack.pointer
        switch lua_type(lua, index) {
        case LUA_TNIL, LUA_TNONE: return "nil"
        case LUA_TBOOLEAN: return lua_toboolean(lua, index) != 0 ? "true" : "false"
        case LUA_TNUMBER: return stack.text(at: index)
        default:
            let name = String(cString: lua_typename(lua, lua_type(lua, index)))
            return name + ": " + stack.address(at: index)
        }
    }

    private func documentedName(at index: Int32) -> String? {
        guard let docsIndex else { return nil }
        return stack.preserving {
            lua_pushvalue(stack.pointer, index)
            guard lua_rawget(stack.pointer, docsIndex) == LUA_TTABLE else { return nil }
            return stack.stringField("name", of: -1)
        }
    }

    private func userdata(at index: Int32) -> String {
        let lua = stack.pointer
        if inbox_lua_is_null(lua, index) != 0 { return "json.null" }
        return stack.preserving {
            if luaL_getmetafield(lua, index, "__tostring") != LUA_TNIL {
                inbox_lua_pop(lua, 1)
                if inbox_lua_ptostring(lua, index) == LUA_OK, lua_type(lua, -1) == LUA_TSTRING {
                    return stack.text(at: -1)
                }
                inbox_lua_pop(lua, 1)
            }
            var name = lua_type(lua, index) == LUA_TLIGHTUSERDATA ? "light userdata" : "userdata"
            if luaL_getmetafield(lua, index, "__name") == LUA_TSTRING {
                name = stack.text(at: -1)
            }
            return name + ": " + stack.address(at: index)
        }
    }
}
