import LuaKit
import Testing

@Suite struct LuaResultsTests {
    @Test func arrayLiteralsPickTheCheapestCase() {
        let none: LuaResults = []
        let one: LuaResults = ["x"]
        let many: LuaResults = [1, 2]
        guard case .none = none, case .one("x") = one, case .many([1, 2]) = many else {
            Issue.record("unexpected cases \(none) \(one) \(many)")
            return
        }
        #expect([none.count, one.count, many.count] == [0, 1, 2])
    }

    @Test func everyCaseReachesLua() throws {
        let lua = try LuaState()
        try lua.register("none") { _ in .none }
        try lua.register("one") { _ in .one(7) }
        try lua.register("many") { _ in .many([1, "two", .nil, 4]) }
        let results = try lua.run("return select('#', none()), one(), select('#', many()), many()")
        #expect(results == [0, 7, 4, 1, "two", .nil, 4])
        #expect(lua.stackTop == 0)
    }
}
