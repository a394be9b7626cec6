import LuaKit
import Testing

@Suite struct LuaArgumentsTests {
    private func probe(_ read: @escaping (LuaArguments) throws -> LuaValue) throws -> LuaState {
        let lua = try LuaState()
        try lua.register("probe") { arguments in [try read(arguments)] }
        return lua
    }

    @Test func integersAcceptExactFloatsAndNumericStrings() throws {
        let lua = try probe { .integer(try $0.integer(1)) }
        #expect(try lua.run("return probe(3.0), probe('12')") == [3, 12])
        let error = try lua.run("return pcall(probe, 1.5)")
        #expect(
            error == [false, "bad argument #1 to 'probe' (number has no integer representation)"])
        let type = try lua.run("return pcall(probe, {})")
        #expect(type == [false, "bad argument #1 to 'probe' (number expected, got table)"])
    }

    @Test func stringsAcceptNumbersAndRefuseInvalidUTF8() throws {
        let lua = try probe { .string(try $0.string(1)) }
        #expect(try lua.run("return probe(12)") == ["12"])
        #expect(
            try lua.run(#"return pcall(probe, "\xff")"#) == [
                false, "bad argument #1 to 'probe' (invalid UTF-8 string)",
            ])
        #expect(
            try lua.run("return pcall(probe, true)") == [
                false, "bad argument #1 to 'probe' (string expected, got boolean)",
            ])
    }

    @Test func optionalsAndBooleans() throws {
        let lua = try probe { arguments in
            .table(
                LuaTable(sequence: [
                    .boolean(arguments.boolean(1)),
                    (try arguments.optionalString(2)).map { .string($0) } ?? "absent",
                    (try arguments.optionalInteger(3)).map { .integer($0) } ?? "absent",
                    .boolean(arguments.isNil(4)),
                ]))
        }
        let results = try lua.run("return probe(nil, nil, 5)")
        #expect(results == [.table(LuaTable(sequence: [false, "absent", 5, true]))])
    }

    @Test func accessorsLeaveTheStackAsTheyFoundIt() throws {
        let lua = try LuaState()
        var counts: [Int] = []
        try lua.register("probe") { arguments in
            counts.append(arguments.count)
            _ = try? arguments.table(1)
            _ = try? arguments.string(1)
            _ = try? arguments.integer(2)
            _ = try? arguments.object(3, as: LuaState.self, type: "Nope")
            _ = arguments.typeName(3)
            _ = try? arguments.value(1)
            _ = try? arguments.state.tostring(.integer(5))
            _ = try? arguments.state.call(try arguments.function(4))
            counts.append(arguments.count)
            return []
        }
        _ = try lua.run("probe({1, {2}}, 'x', io.stdout, function() error({}) end)")
        #expect(counts == [4, 4])
        #expect(lua.stackTop == 0)
    }

    @Test func closingFromInsideARunIsRefused() throws {
        let lua = try LuaState()
        try lua.register("closer") { arguments in
            arguments.state.close()
            return [.boolean(arguments.state.isClosed)]
        }
        #expect(try lua.run("return closer()") == [false])
    }

    @Test func typeNamesUseUserdataNames() throws {
        let lua = try probe { .string($0.typeName(1)) }
        #expect(
            try lua.run("return probe(), probe(io.stdout), probe(print)") == [
                "no value", "FILE*", "function",
            ])
    }
}
