import LuaKit
import Testing

private struct Oops: Error, CustomStringConvertible {
    var description: String { "oops from Swift" }
}

private struct NULMessage: Error, CustomStringConvertible {
    var description: String { "Thread with ID 'abc\0def' not found" }
}

@Suite struct LuaFunctionTests {
    @Test func swiftFunctionReceivesArgumentsAndReturnsResults() throws {
        let lua = try LuaState()
        try lua.register("add") { arguments in
            [
                .integer(try arguments.integer(1) + arguments.integer(2)),
                .integer(Int64(arguments.count)),
            ]
        }
        #expect(try lua.run("return add(40, 2)") == [42, 2])
        #expect(lua.stackTop == 0)
    }

    @Test func swiftThrowBecomesACatchableLuaError() throws {
        let lua = try LuaState()
        try lua.register("fail") { _ in throw Oops() }
        let results = try lua.run("return pcall(fail)", name: "=rules")
        #expect(results == [false, "oops from Swift"])
        let uncaught = #expect(throws: LuaError.self) {
            try lua.run("\nfail()", name: "=rules")
        }
        #expect(uncaught?.message == "rules:2: oops from Swift")
        #expect(uncaught?.kind == .runtime)
        #expect(
            uncaught?.traceback?.hasPrefix("stack traceback:\n\t[C]: in function 'fail'") == true)
        #expect(lua.stackTop == 0)
    }

    @Test func aSwiftErrorMessageKeepsItsBytesPastANUL() throws {
        let lua = try LuaState()
        try lua.register("fail") { _ in throw NULMessage() }
        #expect(
            try lua.run("return pcall(fail)") == [false, "Thread with ID 'abc\0def' not found"])
    }

    @Test func argumentErrorsUseLuasWording() throws {
        let lua = try LuaState()
        try lua.registerModule(
            "inboxlike",
            functions: [
                "send": { arguments in
                    _ = try arguments.table(1)
                    return []
                }
            ])
        let error = #expect(throws: LuaError.self) {
            try lua.run("local m = require 'inboxlike'\nm.send(nil)", name: "=script")
        }
        #expect(error?.message == "script:2: bad argument #1 to 'send' (table expected, got nil)")
        let none = try lua.run("return pcall(require('inboxlike').send)", name: "=s")
        #expect(none == [false, "bad argument #1 to 'send' (table expected, got no value)"])
        #expect(lua.stackTop == 0)
    }

    @Test func tableErrorThroughSwiftReachesPcallUnchanged() throws {
        let lua = try LuaState()
        try lua.register("invoke") { arguments in
            .many(try arguments.state.call(try arguments.function(1)))
        }
        let results = try lua.run(
            """
            local thrown = {code = 7}
            local ok, caught = pcall(invoke, function() error(thrown) end)
            return ok, caught == thrown, caught.code
            """)
        #expect(results == [false, true, 7])
        #expect(lua.stackTop == 0)
    }

    @Test func bindingThatThrowsInsidePcallInsideACoroutine() throws {
        let lua = try LuaState()
        try lua.register("fail") { arguments in throw Oops() }
        try lua.register("double") { arguments in [.integer(try arguments.integer(1) * 2)] }
        let results = try lua.run(
            """
            local co = coroutine.create(function(x)
                local ok, err = pcall(fail)
                local y = coroutine.yield(ok, err, double(x))
                return double(y)
            end)
            local _, ok, err, d = coroutine.resume(co, 5)
            local _, last = coroutine.resume(co, 20)
            return ok, err, d, last, coroutine.status(co)
            """, name: "=co")
        #expect(results == [false, "oops from Swift", 10, 40, "dead"])
        #expect(lua.stackTop == 0)
    }

    @Test func errorRaisedInACoroutineByASwiftFunction() throws {
        let lua = try LuaState()
        try lua.register("fail") { _ in throw Oops() }
        let results = try lua.run(
            "local co = coroutine.wrap(function() fail() end) return pcall(co)", name: "=w")
        #expect(results == [false, "w:1: oops from Swift"])
    }

    @Test func yieldingAcrossASwiftCallSaysSoClearly() throws {
        let lua = try LuaState()
        try lua.register("invoke") { arguments in
            .many(try arguments.state.call(try arguments.function(1)))
        }
        let results = try lua.run(
            """
            local co = coroutine.create(function() invoke(function() coroutine.yield(1) end) end)
            return coroutine.resume(co)
            """, name: "=y")
        #expect(
            results == [
                false,
                """
                y:1: attempt to yield across a C-call boundary (a Swift function is on the \
                stack, and cannot be suspended)
                """,
            ])
        #expect(lua.stackTop == 0)
    }

    @Test func modulesAreFoundByRequire() throws {
        let lua = try LuaState()
        let module = try lua.registerModule(
            "greeter",
            functions: ["hello": { arguments in [.string("hello " + (try arguments.string(1)))] }],
            values: ["version": "1.0"])
        guard case .table(let table) = module else {
            Issue.record("module is \(module)")
            return
        }
        #expect(table["version"] == "1.0")
        let results = try lua.run(
            "local g = require 'greeter' return g.hello('you'), g.version, require('greeter') == g")
        #expect(results == ["hello you", "1.0", true])
        #expect(lua.stackTop == 0)
    }

    @Test func registeringIgnoresMetamethodsScriptsAddToPreload() throws {
        let lua = try LuaState()
        _ = try lua.run(
            "setmetatable(package.preload, {__newindex = function() error('trap') end})")
        try lua.registerModule("safe", functions: [:], values: ["ok": true])
        #expect(try lua.run("return require('safe').ok") == [true])
        #expect(lua.stackTop == 0)
    }

    @Test func closuresAreReleasedWithTheirFunction() throws {
        final class Token {}
        let lua = try LuaState()
        weak var weakToken: Token?
        do {
            let token = Token()
            weakToken = token
            try lua.register("holder") { _ in
                _ = token
                return []
            }
        }
        #expect(weakToken != nil)
        try lua.setGlobal("holder", .nil)
        lua.collectGarbage()
        #expect(weakToken == nil)
    }

    @Test func aFunctionCalledAfterItsFinalizerRaisesAnError() throws {
        let lua = try LuaState()
        // Finalizers run in reverse order of marking: the holder, marked first, runs last,
        // after the userdata behind `late` has released its closure.
        _ = try lua.run(
            """
            holder = setmetatable({}, {__gc = function(o)
                released = table.pack(pcall(o.f))
            end})
            """)
        try lua.register("late") { _ in [] }
        _ = try lua.run("holder.f = late late = nil holder = nil")
        lua.collectGarbage()
        lua.collectGarbage()
        let results = try lua.run("return released.n, released[1], released[2]")
        #expect(results == [2, false, "Swift function already released"])
        #expect(lua.stackTop == 0)
    }

    @Test func memoryOverTheLimitInANestedBindingIsRaisedThere() throws {
        let lua = try LuaState(limits: LuaLimits(memory: 1 << 20))
        try lua.register("big") { _ in [.string([UInt8](repeating: 65, count: 2 << 20))] }
        try lua.register("invoke") { arguments in
            .many(try arguments.state.call(try arguments.function(1)))
        }
        let error = #expect(throws: LuaError.self) {
            try lua.run("return invoke(function() return #big() end)")
        }
        #expect(error?.kind == .memory)
        #expect(error?.message == "not enough memory")
        #expect(lua.stackTop == 0)
        #expect(
            try lua.run("return invoke(function() return 'still usable' end)") == [
                "still usable"
            ])
    }
}
