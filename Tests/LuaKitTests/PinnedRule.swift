import LuaKit
import Testing

/// Runs `source` as `@rule.lua` in a new state with `limits` and pins its global `name`.
func pinnedRule(
    _ source: String, _ name: String, limits: LuaLimits = LuaLimits()
) throws -> LuaPinnedFunction {
    let lua = try LuaState(limits: limits)
    _ = try lua.run(source, name: "@rule.lua")
    return try LuaPinnedFunction(try lua.global(name), in: lua)
}

/// Calls `function` over a limit and within it, twice: each call over it (`over`) fails with
/// `kind` and `message`, each call within it (`within`) returns `expected`, and the stack is
/// left as it was.
func expectEachCallLimited<Answer: Equatable>(
    _ function: LuaPinnedFunction, _ kind: LuaError.Kind, _ message: String,
    over: (LuaPinnedFunction) throws -> Void, within: (LuaPinnedFunction) throws -> Answer,
    expected: Answer
) throws {
    for _ in 1...2 {
        let error = #expect(throws: LuaError.self) { try over(function) }
        #expect(error?.kind == kind)
        #expect(error?.message == message)
        #expect(try within(function) == expected)
    }
    #expect(function.state.stackTop == 0)
}
