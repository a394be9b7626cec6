import InboxClient
import LuaKit
import Testing

@testable import InboxScripting

@Suite struct LuaValueJSONTests {
    @Test func jsonBecomesLuaWithIdsExactNullAndArraysMarked() {
        let json: JSONValue = [
            "id": .integer(1_566_123_362_161_725_441), "x": nil, "a": [], "f": 1.5,
        ]
        var expected = LuaTable()
        expected["id"] = .integer(1_566_123_362_161_725_441)
        expected["x"] = .null
        expected["a"] = .table(.array([]))
        expected["f"] = .number(1.5)
        #expect(LuaValue(json: json) == .table(expected))
    }

    @Test func luaBecomesJSONAsTheJsonModuleEncodes() throws {
        #expect(try JSONValue(lua: .table(LuaTable())) == .object([:]))
        #expect(try JSONValue(lua: .table(.array([]))) == .array([]))
        #expect(try JSONValue(lua: .table(LuaTable(sequence: [1, "a"]))) == [1, "a"])
        #expect(try JSONValue(lua: .nil) == .null)
    }

    @Test func valuesJSONCannotHoldAreErrorsWithTheirPath() {
        var table = LuaTable()
        table["n"] = .number(.nan)
        #expect(throws: ScriptValueError("cannot convert nan to JSON (at .n)")) {
            try JSONValue(lua: .table(table))
        }
        #expect(throws: ScriptValueError("cannot convert a table mixing keys to JSON")) {
            try JSONValue(lua: .table(LuaTable(sequence: [1], fields: ["k": 2])))
        }
    }
}
