import LuaKit
import Testing

@Suite struct LuaErrorTests {
    @Test func stringErrorsCarryChunkLineAndTraceback() throws {
        let lua = try LuaState()
        let error = #expect(throws: LuaError.self) {
            try lua.run("local function f()\n error('boom')\nend\nf()", name: "@rules/route.lua")
        }
        #expect(error?.kind == .runtime)
        #expect(error?.message == "rules/route.lua:2: boom")
        #expect(error?.chunk == "rules/route.lua")
        #expect(error?.line == 2)
        #expect(
            error?.traceback
                == """
                stack traceback:
                \t[C]: in function 'error'
                \trules/route.lua:2: in local 'f'
                \trules/route.lua:4: in main chunk
                """)
        #expect(lua.stackTop == 0)
    }

    @Test func tableNilBooleanAndNumberErrorValues() throws {
        let lua = try LuaState()
        let table = #expect(throws: LuaError.self) { try lua.run("error({code = 1})") }
        #expect(table?.message == "(error object is a table value)")
        #expect(table?.chunk == nil)
        #expect(table?.line == nil)
        if let value = table?.value {
            #expect(try lua.index(value, "code") == 1)
        } else {
            Issue.record("the table value was not kept")
        }
        let nilError = #expect(throws: LuaError.self) { try lua.run("error(nil)") }
        #expect(nilError?.message == "(error object is a nil value)")
        let boolean = #expect(throws: LuaError.self) { try lua.run("error(false)") }
        #expect(boolean?.message == "(error object is a boolean value)")
        let number = #expect(throws: LuaError.self) { try lua.run("error(42)") }
        #expect(number?.message == "42")
        #expect(lua.stackTop == 0)
    }

    @Test func tostringMetamethodNamesTheError() throws {
        let lua = try LuaState()
        let error = #expect(throws: LuaError.self) {
            try lua.run("error(setmetatable({}, {__tostring = function() return 'custom' end}))")
        }
        #expect(error?.message == "custom")
        let failing = #expect(throws: LuaError.self) {
            try lua.run("error(setmetatable({}, {__tostring = function() error('inner') end}))")
        }
        #expect(failing?.message == "(error object is a table value)")
        #expect(lua.stackTop == 0)
    }

    @Test func syntaxErrorsAndIncompleteInput() throws {
        let lua = try LuaState()
        let incomplete = #expect(throws: LuaError.self) {
            try lua.load("for i = 1, 2 do", name: "=stdin")
        }
        #expect(incomplete?.kind == .syntax)
        #expect(incomplete?.message == "stdin:1: 'end' expected near <eof>")
        #expect(incomplete?.isIncompleteInput == true)
        let unfinished = #expect(throws: LuaError.self) { try lua.load("x = 'abc", name: "=stdin") }
        #expect(unfinished?.isIncompleteInput == true)
        let wrong = #expect(throws: LuaError.self) { try lua.load("x = = 1", name: "=stdin") }
        #expect(wrong?.message == "stdin:1: unexpected symbol near '='")
        #expect(wrong?.isIncompleteInput == false)
        #expect(lua.stackTop == 0)
    }

    @Test func limitAwareXpcallBehavesLikeStock() throws {
        // xpcall is replaced in every state (limits pass through it); errors in the
        // handler still end as Lua's LUA_ERRERR message.
        let lua = try LuaState()
        let results = try lua.run(
            """
            local a, b = xpcall(error, function(m) error(m) end, 'x')
            local c, d = xpcall(function() error('a') end, function(m) return 'handled ' .. m end)
            return a, b, c, d
            """, name: "=x")
        #expect(results == [false, "error in error handling", false, "handled x:2: a"])
        #expect(lua.stackTop == 0)
    }

    @Test func positionParsing() {
        let error = LuaError(kind: .runtime, message: "[string \"a:1: b\"]:12: oops")
        #expect(error.chunk == "[string \"a:1: b\"]")
        #expect(error.line == 12)
        let plain = LuaError(kind: .runtime, message: "no position here: 12")
        #expect(plain.chunk == nil)
        #expect(plain.line == nil)
    }
}
