import InboxClient
import LuaKit
import Testing

@testable import InboxScripting

@Suite struct ScriptFunctionTests {
    static let rule = """
        function route(person)
          if person.followerCount >= 100000 then return "acmecorp", "big accounts" end
          return "acmesupport", "everyone else"
        end
        """

    @Test func aRuleLoadedOnceIsCalledManyTimes() throws {
        let fixture = try HostFixture()
        try fixture.host.load(source: Self.rule)
        let route = try fixture.host.function("route")
        var person = LuaTable()
        person["followerCount"] = 250_000
        #expect(try route.call([.table(person)]) == ["acmecorp", "big accounts"])
        person["followerCount"] = 12
        #expect(try route(.table(person)) == ["acmesupport", "everyone else"])
    }

    @Test func jsonValuesGoInAndComeOutExact() throws {
        let fixture = try HostFixture()
        try fixture.host.load(source: "function echo(t) return t, t.id, json.null, {} end")
        let person: JSONValue = ["id": .integer(1_566_123_362_161_725_441), "tags": [], "x": nil]
        let results = try fixture.host.call("echo", json: [person])
        #expect(results == [person, .integer(1_566_123_362_161_725_441), .null, .object([:])])
    }

    @Test func theSandboxFindsTheRuleScriptsOwnGlobals() throws {
        let fixture = try HostFixture(sandbox: true)
        try fixture.host.load(source: Self.rule)
        let results = try fixture.host.call("route", json: [["followerCount": 100_000]])
        #expect(results == ["acmecorp", "big accounts"])
    }

    @Test func aReturnedTableExportsFunctions() throws {
        let fixture = try HostFixture(sandbox: true)
        try fixture.host.load(source: "return {double = function(x) return 2 * x end}")
        #expect(try fixture.host.call("double", [21]) == [42])
    }

    @Test func aMissingFunctionIsNamed() throws {
        let fixture = try HostFixture()
        #expect(throws: ScriptValueError("no function named 'nope' (got nil)")) {
            try fixture.host.function("nope")
        }
    }

    @Test func eachCallRunsUnderTheLimitsAndTheHostStaysUsable() throws {
        let fixture = try HostFixture(limits: LuaLimits(instructions: 100_000))
        try fixture.host.load(
            source: "function spin() while true do end end function one() return 1 end")
        #expect {
            try fixture.host.call("spin", [])
        } throws: { error in
            (error as? LuaError)?.kind == .instructionLimit
        }
        #expect(try fixture.host.call("one", []) == [1])
    }

    @Test func errorsInARuleCarryTheScriptAndLine() throws {
        let fixture = try HostFixture()
        try fixture.host.load(
            source: "function route(p)\n  return p.missing.field\nend", name: "@rules.lua")
        #expect {
            try fixture.host.call("route", json: [[:]])
        } throws: { error in
            (error as? LuaError)?.message
                == "rules.lua:2: attempt to index a nil value (field 'missing')"
        }
    }
}
