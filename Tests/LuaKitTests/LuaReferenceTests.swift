import LuaKit
import Testing

@Suite struct LuaReferenceTests {
    @Test func sameValueGivesEqualReferences() throws {
        let lua = try LuaState()
        let results = try lua.run("local f = function() end return f, f, print")
        #expect(results[0] == results[1])
        #expect(results[0] != results[2])
    }

    @Test func referenceKeepsTheValueAliveUntilDropped() throws {
        let lua = try LuaState()
        _ = try lua.run("weak = setmetatable({}, {__mode = 'v'})")
        var kept: [LuaValue]? = try lua.run("weak[1] = function() end return weak[1]")
        lua.collectGarbage()
        #expect(try lua.run("return weak[1] ~= nil") == [true])
        kept = nil
        lua.collectGarbage()
        #expect(kept == nil)
        #expect(try lua.run("return weak[1] ~= nil") == [false])
    }

    @Test func referenceFromAnotherStateIsRefused() throws {
        let first = try LuaState()
        let second = try LuaState()
        let function = try first.run("return function() return 1 end")[0]
        let error = #expect(throws: LuaError.self) { try second.call(function) }
        #expect(error?.message == "a Lua value was used in another state")
        #expect(second.stackTop == 0)
    }

    @Test func referenceOutlivingItsStateIsRefused() throws {
        var lua: LuaState? = try LuaState()
        let function = try lua!.run("return print")[0]
        lua = nil
        let other = try LuaState()
        #expect(throws: LuaError.self) { try other.call(function) }
    }
}
