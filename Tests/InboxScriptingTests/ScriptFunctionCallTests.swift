import LuaKit
import Testing

@testable import InboxScripting

@Suite struct ScriptFunctionCallTests {
    @Test func plainDataGoesInAndResultsComeBackOfEveryKind() throws {
        let fixture = try HostFixture()
        try fixture.host.load(
            source: """
                function echo(...) return ... end
                function shape(t) return #t, t.k, getmetatable(t) ~= nil, t.n == json.null end
                """)
        let echo = try fixture.host.function("echo")
        #expect(try echo(1, 2.5, "s", true, .nil, .null) == [1, 2.5, "s", true, .nil, .null])
        let nested = LuaTable(sequence: [1, 2], fields: ["k": .table(.array([]))])
        #expect(try echo(.table(nested)) == [.table(nested)])
        var table = LuaTable.array([1, 2, 3])
        table.fields = [:]
        let marked = try fixture.host.call("shape", [.table(table)])
        #expect(marked == [3, .nil, true, false])
        #expect(fixture.host.lua.stackTop == 0)
    }

    @Test func tableResultsComeBackInTheSandboxToo() throws {
        let fixture = try HostFixture(sandbox: true)
        try fixture.host.load(
            source: "function link(p) return {id = p.id, tags = json.array()} end")
        let results = try fixture.host.call("link", json: [["id": "k7xq2m9vd4nbp8c3w6tyrh5a"]])
        #expect(results == [["id": "k7xq2m9vd4nbp8c3w6tyrh5a", "tags": []]])
    }

    @Test func aFunctionArgumentIsPassedThrough() throws {
        let fixture = try HostFixture()
        try fixture.host.load(
            source: "function apply(f, x) return f(x) end function inc(x) return x + 1 end")
        let inc = try fixture.host.lua.global("inc")
        #expect(try fixture.host.call("apply", [inc, 41]) == [42])
    }

    @Test func repeatedStringResultsStayCorrect() throws {
        let fixture = try HostFixture()
        try fixture.host.load(
            source: "function pick(n) return n > 0 and 'yes' or (n < 0 and 'no' or '') end")
        let pick = try fixture.host.function("pick")
        #expect(
            try [1, 2, -1, 0, 0, 3].map { try pick(.integer($0)) } == [
                ["yes"], ["yes"], ["no"], [""], [""], ["yes"],
            ])
    }

    @Test func errorsAndLimitsLeaveTheStackAsItWas() throws {
        let fixture = try HostFixture(
            limits: LuaLimits(memory: 4 << 20, timeout: .milliseconds(200)))
        try fixture.host.load(
            source: """
                function boom() error({code = 1}) end
                function slow() while true do end end
                function hog() local t = {} for i = 1, 1e8 do t[i] = i end end
                """, name: "@r.lua")
        let failures: [(String, LuaError.Kind, String)] = [
            ("boom", .runtime, "(error object is a table value)"),
            ("slow", .timeLimit, ""),
            ("hog", .memory, "not enough memory"),
        ]
        for (name, kind, message) in failures {
            #expect {
                try fixture.host.call(name, [])
            } throws: { error in
                guard let error = error as? LuaError else { return false }
                return error.kind == kind && (message.isEmpty || error.message == message)
            }
        }
        #expect(fixture.host.lua.stackTop == 0)
        #expect(try fixture.host.run(source: "return 1 + 1") == [2])
    }
}
