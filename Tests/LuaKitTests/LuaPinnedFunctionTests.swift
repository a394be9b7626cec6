import LuaKit
import Testing

@Suite struct LuaPinnedFunctionTests {
    @Test func resultsComeBackOfEveryKind() throws {
        let echo = try pinnedRule("function echo(...) return ... end", "echo")
        #expect(try echo(1, 2.5, "s", true, .nil, .null) == [1, 2.5, "s", true, .nil, .null])
        let nested = LuaTable(sequence: [1, 2], fields: ["k": .table(.array([]))])
        #expect(try echo(.table(nested)) == [.table(nested)])
        #expect(try echo() == [])
        #expect(echo.state.stackTop == 0)
    }

    @Test func repeatedStringResultsStayExact() throws {
        let pick = try pinnedRule(
            "function pick(n) return n > 0 and 'yes' or (n < 0 and 'no' or '') end", "pick")
        let answers = try [1, 2, -1, 0, 0, 3].map { try pick(.integer($0)) }
        #expect(answers == [["yes"], ["yes"], ["no"], [""], [""], ["yes"]])
    }

    @Test func errorsMatchThoseOfLuaStateCall() throws {
        let source = """
            function boom(x)
              error({code = x})
            end
            function fail() error("bad rule") end
            """
        let boom = try pinnedRule(source, "boom")
        let lua = boom.state
        let pinnedError = #expect(throws: LuaError.self) { try boom(7) }
        let callError = #expect(throws: LuaError.self) {
            try lua.call(try lua.global("boom"), [7])
        }
        #expect(pinnedError?.kind == .runtime)
        #expect(pinnedError?.message == "(error object is a table value)")
        #expect(pinnedError?.message == callError?.message)
        #expect(pinnedError?.traceback == callError?.traceback)
        #expect(pinnedError?.traceback?.hasPrefix("stack traceback:") == true)
        #expect(pinnedError?.value?.typeName == "table")
        #expect(callError?.value?.typeName == "table")

        let fail = try LuaPinnedFunction(try lua.global("fail"), in: lua)
        let failure = #expect(throws: LuaError.self) { try fail() }
        #expect(failure?.message == "rule.lua:4: bad rule")
        #expect(failure?.chunk == "rule.lua")
        #expect(failure?.line == 4)
        #expect(lua.stackTop == 0)
    }

    @Test func tostringOfAnErrorValueIsTheMessage() throws {
        let raise = try pinnedRule(
            """
            function raise()
              error(setmetatable({}, {__tostring = function() return "custom" end}))
            end
            """, "raise")
        let error = #expect(throws: LuaError.self) { try raise() }
        #expect(error?.message == "custom")
        #expect(raise.state.stackTop == 0)
    }

    @Test func limitsApplyToEachCall() throws {
        let source = """
            function spin(n) if n > 0 then while true do end end return n end
            function hog(n)
              local t = {}
              if n > 0 then for i = 1, 1e8 do t[i] = i end end
              return n
            end
            """
        let spin = try pinnedRule(source, "spin", limits: LuaLimits(timeout: .milliseconds(100)))
        let hog = try pinnedRule(source, "hog", limits: LuaLimits(memory: 4 << 20))
        for (function, kind, message) in [
            (spin, LuaError.Kind.timeLimit, "rule.lua:1: time limit exceeded"),
            (hog, .memory, "not enough memory"),
        ] {
            try expectEachCallLimited(
                function, kind, message, over: { _ = try $0(1) }, within: { try $0(0) },
                expected: [0])
        }
    }

    @Test func callingAfterCloseFailsCleanly() throws {
        let echo = try pinnedRule("function echo(...) return ... end", "echo")
        echo.state.close()
        let error = #expect(throws: LuaError.self) { try echo(1) }
        #expect(error?.kind == .runtime)
        #expect(error?.message == "the Lua state is closed")
    }

    @Test func aValueOfAnotherStateIsRefused() throws {
        let echo = try pinnedRule("function echo(...) return ... end", "echo")
        let other = try LuaState(profile: .sandbox)
        let error = #expect(throws: LuaError.self) {
            try LuaPinnedFunction(try echo.state.global("echo"), in: other)
        }
        #expect(error?.message == "a Lua value was used in another state")
        #expect(other.stackTop == 0)
    }
}
