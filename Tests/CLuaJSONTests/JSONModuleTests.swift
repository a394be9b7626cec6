import CLua
import CLuaJSON
import Testing

/// The module table: `json.null`, `json.array`, argument errors, and the C
/// entry points other layers call.
@Suite struct JSONModuleTests {
    let lua = LuaRunner()

    @Test func nullIsOneSentinelDistinctFromNil() throws {
        let result = try lua.run(
            """
            local t = json.decode('{"a":null}')
            return t.a == json.null, t.b == nil, t.a ~= nil, tostring(json.null),
                json.decode("null") == json.null, type(json.null)
            """)
        #expect(result == "true\ttrue\ttrue\tjson.null\ttrue\tuserdata")
    }

    @Test func arrayMarksTheTableItIsGiven() throws {
        let result = try lua.run(
            """
            local t = {}
            local marked = json.array(t)
            local mark = getmetatable(json.decode("[]"))
            return marked == t, getmetatable(t) == mark,
                getmetatable(json.array()) == mark, json.encode(t),
                json.encode(json.array()), json.encode(json.array(json.array(t)))
            """)
        #expect(result == "true\ttrue\ttrue\t[]\t[]\t[]")
    }

    @Test func arrayRefusesNonTablesAndForeignMetatables() {
        #expect(
            lua.failure("return json.array(5)")
                == "snippet:1: bad argument #1 to 'array' (table expected, got number)")
        #expect(
            lua.failure("return json.array(setmetatable({}, {}))")
                == "snippet:1: bad argument #1 to 'array' (table already has a metatable)")
    }

    @Test func argumentErrorsFollowLuaGrammar() {
        #expect(
            lua.failure("return json.decode(nil)")
                == "snippet:1: bad argument #1 to 'decode' (string expected, got nil)")
        #expect(
            lua.failure("return json.encode()")
                == "snippet:1: bad argument #1 to 'encode' (value expected)")
        #expect(
            lua.failure("return json.pretty({}, 0)")
                == "snippet:1: bad argument #2 to 'pretty' (indent must be between 1 and 16)")
    }

    @Test func requireFindsTheModuleUnderItsName() throws {
        let result = try lua.run(
            """
            local names = {}
            for name in pairs(require "json") do names[#names + 1] = name end
            table.sort(names)
            return table.concat(names, " ")
            """)
        #expect(result == "array decode encode null pretty")
    }

    @Test func sandboxedScriptsSeeTheModuleReadOnly() throws {
        let sandboxed = LuaRunner(profile: .sandbox)

        let result = try sandboxed.run(
            """
            return require("json") == json, json.encode(json.decode('[1,{"a":null}]'))
            """)

        #expect(result == "true\t[1,{\"a\":null}]")
        #expect(
            sandboxed.failure("json.encode = nil")
                == "snippet:1: attempt to modify a read-only table (key 'encode')")
    }

    @Test func protectedDecodePushesTheValue() throws {
        let top = lua_gettop(lua.state)
        let bytes: [CChar] = Array("[\"a\\u0000b\",1566123362161725441]".utf8CString)

        let status = inbox_json_decode_protected(lua.state, bytes, bytes.count - 1)
        lua_setglobal(lua.state, "decoded")

        #expect(status == LUA_OK)
        #expect(lua_gettop(lua.state) == top)
        let result = try lua.run(
            "return #decoded[1], decoded[1]:byte(2), math.type(decoded[2]), decoded[2]")
        #expect(result == "3\t0\tinteger\t1566123362161725441")
    }

    @Test func protectedDecodeReturnsTheErrorInsteadOfRaising() {
        let top = lua_gettop(lua.state)
        let bytes: [CChar] = Array("[1, 2 x".utf8CString)

        let status = inbox_json_decode_protected(lua.state, bytes, bytes.count - 1)

        #expect(status == LUA_ERRRUN)
        #expect(lua.text(at: -1) == "json.decode: unexpected character 'x' at byte 7")
        #expect(lua_gettop(lua.state) == top + 1)
        lua_settop(lua.state, top)
    }

    @Test func protectedEncodeWritesTheValueAtAnIndex() throws {
        _ = try lua.run("value = {b = json.array{1, 2}, a = json.null}")
        lua_getglobal(lua.state, "value")
        let top = lua_gettop(lua.state)

        let compact = inbox_json_encode_protected(lua.state, -1, 0)
        let compactText = lua.text(at: -1)
        lua_settop(lua.state, top)
        let indented = inbox_json_encode_protected(lua.state, -1, 1)
        let indentedText = lua.text(at: -1)
        lua_settop(lua.state, top)

        #expect(compact == LUA_OK)
        #expect(["{\"a\":null,\"b\":[1,2]}", "{\"b\":[1,2],\"a\":null}"].contains(compactText))
        #expect(indented == LUA_OK)
        #expect(indentedText == "{\n \"a\": null,\n \"b\": [\n  1,\n  2\n ]\n}")
    }

    @Test func protectedEncodeReturnsTheErrorInsteadOfRaising() throws {
        _ = try lua.run("value = {threads = {1, 2, {fn = print}}}")
        lua_getglobal(lua.state, "value")
        let top = lua_gettop(lua.state)

        let status = inbox_json_encode_protected(lua.state, top, 0)

        #expect(status == LUA_ERRRUN)
        #expect(lua.text(at: -1) == "json.encode: cannot encode function at .threads[3].fn")
        #expect(lua_gettop(lua.state) == top + 1)
    }
}
