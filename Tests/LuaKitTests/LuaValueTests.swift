import LuaKit
import Testing

@Suite struct LuaValueTests {
    private func echoState() throws -> LuaState {
        let lua = try LuaState()
        try lua.register("echo") { arguments in
            .many(try (0..<arguments.count).map { try arguments.value($0 + 1) })
        }
        return lua
    }

    @Test func bigIntegerStaysExactLuaToSwiftToLua() throws {
        let lua = try echoState()
        let results = try lua.run(
            """
            local id = 1566123362161725441
            local back = echo(id)
            return back, math.type(back), back == id, tostring(back)
            """)
        #expect(
            results == [
                .integer(1_566_123_362_161_725_441), "integer", true, "1566123362161725441",
            ]
        )
        #expect(lua.stackTop == 0)
    }

    @Test func bigIntegerStaysExactSwiftToLua() throws {
        let lua = try LuaState()
        let results = try lua.run(
            "local id = ... return math.type(id), id == 1566123362161725441, id + 1",
            arguments: [.integer(1_566_123_362_161_725_441)])
        #expect(results == ["integer", true, .integer(1_566_123_362_161_725_442)])
    }

    @Test func floatsStayFloats() throws {
        let lua = try echoState()
        let results = try lua.run("local x = echo(2.0) return x, math.type(x)")
        #expect(results == [.number(2.0), "float"])
    }

    @Test func stringsKeepEmbeddedNULs() throws {
        let lua = try echoState()
        let results = try lua.run(#"local s = echo("a\0b\0") return s, #s"#)
        #expect(results == [.string([97, 0, 98, 0]), 4])
        let fromSwift = try lua.run(
            "local s = ... return #s, s:byte(2)", arguments: [.string([1, 0, 2])])
        #expect(fromSwift == [3, 0])
        #expect(lua.stackTop == 0)
    }

    @Test func invalidUTF8PassesThroughAsBytes() throws {
        let lua = try echoState()
        let results = try lua.run(#"return echo("\xff\xfe")"#)
        #expect(results == [.string([0xFF, 0xFE])])
        #expect(results[0].text == nil)
    }

    @Test func tablesConvertWithSequenceAndFields() throws {
        let lua = try LuaState()
        let results = try lua.run("return {10, 20, 30, name = 'x', [2.5] = true, [-1] = 'neg'}")
        let expected = LuaTable(
            sequence: [10, 20, 30],
            fields: ["name": "x", .number(2.5): true, .integer(-1): "neg"])
        #expect(results == [.table(expected)])
    }

    @Test func nestedTablesRoundTrip() throws {
        let lua = try echoState()
        let input = LuaTable(sequence: [.table(LuaTable(fields: ["deep": .table(.array([1, 2]))]))])
        let results = try lua.run(
            "local t = ... return echo(t), t[1].deep[2]", arguments: [.table(input)])
        #expect(results == [.table(input), 2])
    }

    @Test func arrayMarkerSurvivesBothWays() throws {
        let lua = try echoState()
        let results = try lua.run(
            "local a = ... return echo(a), #a, getmetatable(a) ~= nil",
            arguments: [.table(.array([]))])
        #expect(results == [.table(.array([])), 0, true])
        let plain = try lua.run("return {}")
        #expect(plain == [.table(LuaTable())])
    }

    @Test func jsonNullIsItsOwnValue() throws {
        let lua = try echoState()
        let results = try lua.run(
            "local n = ... return echo(n), tostring(n), n == nil", arguments: [.null])
        #expect(results == [.null, "json.null", false])
    }

    @Test func cyclicTablesAreAClearError() throws {
        let lua = try echoState()
        let error = #expect(throws: LuaError.self) {
            try lua.run("local t = {} t.self = t return t")
        }
        #expect(error?.message == "cannot convert a cyclic table")
        let inBinding = try lua.run(
            "local t = {1} t[2] = {t} return pcall(echo, t)", name: "=cyc")
        #expect(inBinding == [false, "cannot convert a cyclic table"])
        let shared = try lua.run("local s = {1} return {s, s}")
        #expect(
            shared == [
                .table(LuaTable(sequence: [.table(.array([1]).plain), .table(.array([1]).plain)]))
            ])
        #expect(lua.stackTop == 0)
    }

    @Test func deepTablesAreAClearError() throws {
        let lua = try LuaState()
        let error = #expect(throws: LuaError.self) {
            try lua.run("local t = {} for i = 1, 500 do t = {t} end return t")
        }
        #expect(error?.message == "table nested too deeply (more than 200 levels)")
        var deep = LuaValue.table(LuaTable())
        for _ in 0..<300 {
            deep = .table(LuaTable(sequence: [deep]))
        }
        let pushError = #expect(throws: LuaError.self) {
            try lua.call(try lua.load("return 1", name: "=x"), [deep])
        }
        #expect(pushError?.message == "table nested too deeply (more than 200 levels)")
        #expect(lua.stackTop == 0)
    }

    @Test func functionsAndCoroutinesComeBackAsReferences() throws {
        let lua = try LuaState()
        let results = try lua.run("return function(x) return x * 2 end, coroutine.create(print)")
        guard case .function = results[0], case .thread = results[1] else {
            Issue.record("unexpected \(results)")
            return
        }
        #expect(try lua.call(results[0], [21]) == [42])
        #expect(try lua.run("local f = ... return type(f)", arguments: [results[1]]) == ["thread"])
    }

    @Test func nilTableKeysAreRefused() throws {
        let lua = try LuaState()
        let table = LuaTable(fields: [.nil: 1])
        let error = #expect(throws: LuaError.self) {
            try lua.run("return ...", arguments: [.table(table)])
        }
        #expect(error?.message == "table index is nil")
        #expect(lua.stackTop == 0)
    }
}

extension LuaTable {
    /// The same table without the array marker.
    fileprivate var plain: LuaTable {
        LuaTable(sequence: sequence, fields: fields)
    }
}
