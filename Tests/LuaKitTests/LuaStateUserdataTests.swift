import LuaKit
import Testing

private final class Counter {
    var count: Int64 = 0
}

@Suite struct LuaStateUserdataTests {
    private func counterState() throws -> LuaState {
        let lua = try LuaState(profile: .sandbox)
        try lua.defineType(
            "Counter",
            methods: [
                "increment": { arguments in
                    let counter = try arguments.object(1, as: Counter.self, type: "Counter")
                    counter.count += try arguments.optionalInteger(2) ?? 1
                    return [.integer(counter.count)]
                }
            ],
            metamethods: [
                "__tostring": { arguments in
                    let counter = try arguments.object(1, as: Counter.self, type: "Counter")
                    return [.string("Counter(\(counter.count))")]
                }
            ])
        return lua
    }

    @Test func methodsReachTheSwiftObject() throws {
        let lua = try counterState()
        let counter = Counter()
        let results = try lua.run(
            "local c = ... c:increment() return c:increment(5), tostring(c)",
            arguments: [try lua.userdata(counter, type: "Counter")])
        #expect(results == [6, "Counter(6)"])
        #expect(counter.count == 6)
        let wrong = try lua.run(
            "local c = ... return pcall(c.increment, {})", name: "=u",
            arguments: [try lua.userdata(counter, type: "Counter")])
        #expect(wrong == [false, "bad argument #1 to 'increment' (Counter expected, got table)"])
        #expect(lua.stackTop == 0)
    }

    /// Stores a new counter in the global `counter`; returns a weak handle on it.
    private func storeCounter(in lua: LuaState) throws -> () -> Counter? {
        let counter = Counter()
        weak let weakCounter = counter
        try lua.setGlobal("counter", try lua.userdata(counter, type: "Counter"))
        return { weakCounter }
    }

    @Test func collectingTheUserdataReleasesTheObject() throws {
        let lua = try counterState()
        let weakCounter = try storeCounter(in: lua)
        #expect(weakCounter() != nil)
        _ = try lua.run("counter = nil")  // a chunk-local global: the shared one stays
        try lua.setGlobal("counter", .nil)
        lua.collectGarbage()
        #expect(weakCounter() == nil)
    }

    @Test func closingReleasesEverything() throws {
        let lua = try counterState()
        let weakCounter = try storeCounter(in: lua)
        lua.close()
        #expect(weakCounter() == nil)
    }

    @Test func metatableIsHiddenFromScripts() throws {
        let lua = try counterState()
        let results = try lua.run(
            "local c = ... return getmetatable(c), pcall(setmetatable, c, {})",
            arguments: [try lua.userdata(Counter(), type: "Counter")])
        #expect(results.prefix(2) == [false, false])
    }

    @Test func unknownTypeIsAnError() throws {
        let lua = try LuaState()
        let error = #expect(throws: LuaError.self) { try lua.userdata(Counter(), type: "Nope") }
        #expect(error?.message == "no userdata type named 'Nope'")
        #expect(lua.stackTop == 0)
    }
}
