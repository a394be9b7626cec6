/// A copy of a Lua table: its sequence `1...n`, its other fields, and the array marker.
public struct LuaTable: Hashable, Sendable {
    /// The values at keys `1...sequence.count`.
    public var sequence: [LuaValue]

    /// Every other key and its value (never `nil` values).
    public var fields: [LuaValue: LuaValue]

    /// True when the table carries the shared array marker (`INBOX_LUA_ARRAY_MT`), so that
    /// an empty array stays an array in JSON.
    public var isArray: Bool

    /// Creates a table.
    public init(
        sequence: [LuaValue] = [], fields: [LuaValue: LuaValue] = [:], isArray: Bool = false
    ) {
        self.sequence = sequence
        self.fields = fields
        self.isArray = isArray
    }

    /// An array-marked table of `values`.
    public static func array(_ values: [LuaValue]) -> LuaTable {
        LuaTable(sequence: values, isArray: true)
    }

    /// The value at `key`, reading the sequence for integer keys; `.nil` when absent.
    public subscript(key: LuaValue) -> LuaValue {
        get {
            if case .integer(let index) = key, index >= 1, index <= sequence.count {
                return sequence[Int(index) - 1]
            }
            return fields[key] ?? .nil
        }
        set {
            if case .integer(let index) = key, index >= 1, index <= sequence.count {
                sequence[Int(index) - 1] = newValue
            } else {
                fields[key] = newValue == .nil ? nil : newValue
            }
        }
    }

    /// The value of the string key `name`.
    public subscript(name: String) -> LuaValue {
        get { self[.string(name)] }
        set { self[.string(name)] = newValue }
    }
}
