import Foundation
import LuaKit
import Testing

@Suite struct LuaLimitsTests {
    private func expectLimit(
        _ kind: LuaError.Kind, _ limits: LuaLimits, _ code: String, message: String,
        within seconds: Double = 5
    ) throws {
        let lua = try LuaState(profile: .sandbox, limits: limits)
        let started = Date()
        let error = #expect(throws: LuaError.self) { try lua.run(code, name: "=limit") }
        #expect(error?.kind == kind)
        #expect(error?.message == message)
        #expect(Date().timeIntervalSince(started) < seconds)
        #expect(lua.stackTop == 0)
        #expect(try lua.run("return 1 + 1") == [2])
    }

    @Test func memoryLimitHalfwayThroughABigTable() throws {
        try expectLimit(
            .memory, LuaLimits(memory: 2 << 20),
            "local t = {} for i = 1, 1e8 do t[i] = i end", message: "not enough memory")
    }

    @Test func eachLimitStopsAnEndlessLoop() throws {
        try expectLimit(
            .instructionLimit, LuaLimits(instructions: 1_000_000), "while true do end",
            message: "limit:1: instruction limit exceeded")
        try expectLimit(
            .timeLimit, LuaLimits(timeout: .milliseconds(100)), "while true do end",
            message: "limit:1: time limit exceeded")
        try expectLimit(
            .memory, LuaLimits(memory: 1 << 20), "local t = {} while true do t[#t + 1] = {} end",
            message: "not enough memory")
    }

    @Test func pcallCannotCatchALimit() throws {
        try expectLimit(
            .instructionLimit, LuaLimits(instructions: 100_000),
            "while true do pcall(function() while true do end end) end",
            message: "limit:1: instruction limit exceeded")
        try expectLimit(
            .memory, LuaLimits(memory: 1 << 20),
            "local ok = pcall(function() local t = {} while true do t[#t + 1] = 'x' .. #t end end)"
                + " return ok",
            message: "not enough memory")
        try expectLimit(
            .timeLimit, LuaLimits(timeout: .milliseconds(100)),
            "while true do local co = coroutine.create(function() while true do end end)"
                + " coroutine.resume(co) end",
            message: "limit:1: time limit exceeded")
        try expectLimit(
            .memory, LuaLimits(memory: 1 << 20),
            "while true do xpcall(coroutine.wrap(function() local s = {} while true do"
                + " s[#s+1] = {} end end), print) end",
            message: "not enough memory")
    }

    @Test func deadlineWinsInsideAPathologicalPatternMatch() throws {
        try expectLimit(
            .timeLimit, LuaLimits(timeout: .milliseconds(200)),
            "return string.find(string.rep('a', 3e5), '.-.-.-.-.-b')",
            message: "limit:1: time limit exceeded", within: 2)
        try expectLimit(
            .instructionLimit, LuaLimits(instructions: 10_000_000),
            "return ('a'):rep(3e5):match('.-.-.-.-.-b')",
            message: "limit:1: instruction limit exceeded")
    }

    @Test func hugeRepIsRefusedBeforeAllocating() throws {
        try expectLimit(
            .memory, LuaLimits(memory: 8 << 20), "return pcall(string.rep, 'x', 1e9)",
            message: "not enough memory", within: 1)
    }

    @Test func swiftResultsOverTheLimitRaiseAfterSwiftReturns() throws {
        let lua = try LuaState(profile: .sandbox, limits: LuaLimits(memory: 1 << 20))
        try lua.register("big") { _ in [.string([UInt8](repeating: 65, count: 2 << 20))] }
        let error = #expect(throws: LuaError.self) { try lua.run("return pcall(big)") }
        #expect(error?.kind == .memory)
        #expect(lua.stackTop == 0)
        let pushed = #expect(throws: LuaError.self) {
            try lua.setGlobal("huge", .string([UInt8](repeating: 66, count: 2 << 20)))
        }
        #expect(pushed?.kind == .memory)
        #expect(try lua.global("huge") == .nil)
        #expect(try lua.run("return 'still usable'") == ["still usable"])
    }

    @Test func limitsApplyPerRunAndCanChange() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 200_000))
        for _ in 0..<3 {
            #expect(
                try lua.run("local n = 0 for i = 1, 10000 do n = n + i end return n") == [
                    50_005_000
                ])
        }
        lua.limits = LuaLimits()
        #expect(try lua.run("local n = 0 for i = 1, 1e6 do n = n + 1 end return n") == [1_000_000])
    }

    /// Lua runs the message handler of an error raised in the count hook with hooks off:
    /// a handler that loops must not outlive the limit, in either profile.
    @Test(arguments: [LuaProfile.full, .sandbox])
    func anXpcallHandlerCannotOutliveALimit(profile: LuaProfile) throws {
        let lua = try LuaState(profile: profile, limits: LuaLimits(timeout: .milliseconds(100)))
        let started = Date()
        let error = #expect(throws: LuaError.self) {
            try lua.run(
                "return xpcall(function() while true do end end, function() while true do end end)",
                name: "=limit")
        }
        #expect(error?.kind == .timeLimit)
        #expect(error?.message == "limit:1: time limit exceeded")
        #expect(Date().timeIntervalSince(started) < 5)
        // A handler still handles the errors that are not limits.
        #expect(
            try lua.run("return xpcall(error, function(m) return 'handled ' .. m end, 'boom')")
                == [false, "handled boom"])
    }

    /// A Swift function that gives up because the run's time is up throws a time-limit
    /// error, which stops the run past pcall as the hook's would.
    @Test func aSwiftFunctionCanTripTheTimeLimit() throws {
        let lua = try LuaState(limits: LuaLimits(timeout: .seconds(10)))
        try lua.register("wait") { _ in
            throw LuaError(kind: .timeLimit, message: "time limit exceeded")
        }
        let error = #expect(throws: LuaError.self) {
            try lua.run("print(pcall(wait))\nreturn 'went on'", name: "=rule")
        }
        #expect(error?.kind == .timeLimit)
        #expect(error?.message == "rule:1: time limit exceeded")
        #expect(try lua.run("return 'usable'") == ["usable"])
    }

    /// string.rep's own size check names the script's line, as in lua5.4.
    @Test func aStringTooLargeNamesTheLine() throws {
        let lua = try LuaState()
        let error = #expect(throws: LuaError.self) {
            try lua.run("local s = 'x'\nreturn s:rep(1e10)", name: "=rep")
        }
        #expect(error?.message == "rep:2: resulting string too large")
    }
}
