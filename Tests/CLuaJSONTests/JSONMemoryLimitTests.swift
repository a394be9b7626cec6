import CLua
import CLuaJSON
import Testing

/// Running out of memory halfway is a Lua error like any other: it lands in
/// the caller's protected call, and the state goes on working.
@Suite struct JSONMemoryLimitTests {
    let budget = MemoryBudget()
    let lua: LuaRunner

    init() {
        lua = LuaRunner(budget: budget)
    }

    @Test func decodeFailsCleanlyUnderTheLimit() throws {
        _ = try lua.run(#"text = "[" .. ('{"k":"abcdefgh"},'):rep(100000) .. "1]""#)
        budget.limit = budget.used + 256 * 1024

        let failure = lua.failure("return json.decode(text)")
        budget.limit = .max

        #expect(failure == "not enough memory")
        #expect(
            try lua.run("return #json.decode(text), collectgarbage('count') > 0") == "100001\ttrue")
    }

    @Test func encodeFailsCleanlyUnderTheLimit() throws {
        _ = try lua.run(#"value = json.decode("[" .. ('"abcdefgh",'):rep(100000) .. "1]")"#)
        budget.limit = budget.used + 256 * 1024

        let failure = lua.failure("return json.encode(value)")
        budget.limit = .max

        #expect(failure == "not enough memory")
        #expect(try lua.run("return #json.encode(value)") == "1100003")
    }

    @Test func protectedDecodeReportsTheMemoryError() {
        let text = "[" + String(repeating: "\"abcdefgh\",", count: 50_000) + "1]"
        let top = lua_gettop(lua.state)
        budget.limit = budget.used + 64 * 1024

        let status = inbox_json_decode_protected(lua.state, text, text.utf8.count)
        budget.limit = .max

        #expect(status == LUA_ERRMEM)
        #expect(lua.text(at: -1) == "not enough memory")
        #expect(lua_gettop(lua.state) == top + 1)
    }
}
