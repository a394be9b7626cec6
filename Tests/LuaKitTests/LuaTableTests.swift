import LuaKit
import Testing

@Suite struct LuaTableTests {
    @Test func subscriptReadsTheSequenceAndTheFields() {
        var table = LuaTable(sequence: ["a", "b"], fields: ["name": "x"])
        #expect(table[.integer(2)] == "b")
        #expect(table[.integer(3)] == .nil)
        #expect(table["name"] == "x")
        table[.integer(1)] = "z"
        table["name"] = .nil
        table[.integer(10)] = true
        #expect(table.sequence == ["z", "b"])
        #expect(table.fields == [.integer(10): true])
    }

    @Test func arrayHelperMarksTheTable() {
        #expect(LuaTable.array([1, 2]) == LuaTable(sequence: [1, 2], isArray: true))
        #expect(LuaTable.array([]) != LuaTable())
    }
}
