import CLua
import CLuaJSON
import LuaKit
import Testing

/// Running out of memory halfway is a Lua error like any other: it lands in
/// the caller's protected call, and the state goes on working.
@Suite struct JSONMemoryLimitTests {
    let lua = LuaRunner()

    /// Lets the state grow by `bytes` from what it holds now.
    func limit(to bytes: Int) {
        lua.lua.collectGarbage()
        lua.lua.limits = LuaLimits(memory: lua.lua.memoryInUse + bytes)
    }

    @Test func decodeFailsCleanlyUnderTheLimit() throws {
        _ = try lua.run(#"text = "[" .. ('{"k":"abcdefgh"},'):rep(100000) .. "1]""#)
        limit(to: 256 * 1024)

        let failure = lua.failure("return json.decode(text)")
        lua.lua.limits = LuaLimits()

        #expect(failure == "not enough memory")
        #expect(try lua.run("return #json.decode(text)") == "100001")
    }

    @Test func encodeFailsCleanlyUnderTheLimit() throws {
        _ = try lua.run(#"value = json.decode("[" .. ('"abcdefgh",'):rep(100000) .. "1]")"#)
        limit(to: 256 * 1024)

        let failure = lua.failure("return json.encode(value)")
        lua.lua.limits = LuaLimits()

        #expect(failure == "not enough memory")
        #expect(try lua.run("return #json.encode(value)") == "1100003")
    }

    @Test func hostDecodeThroughLuaKitProtectionHitsTheLimit() {
        let text = "[" + String(repeating: "\"abcdefgh\",", count: 50_000) + "1]"
        let state = lua.state
        let top = lua_gettop(state)
        lua_pushlstring(state, text, text.utf8.count)
        limit(to: 64 * 1024)

        let status = inbox_lua_protect(state, inbox_json_lua_decode, -1, 0, 1)
        lua.lua.limits = LuaLimits()

        #expect(status == LUA_ERRMEM)
        #expect(lua.text(at: -1) == "not enough memory")
        #expect(lua_gettop(state) == top + 2)
        lua_settop(state, top)
    }
}
