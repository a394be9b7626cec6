/// A Lua value on the Swift side.
///
/// Scalars and strings are copied; tables are converted to ``LuaTable`` snapshots; functions,
/// userdata and coroutines stay in the state behind a ``LuaReference``.
public enum LuaValue: Hashable, Sendable {
    /// `nil`.
    case `nil`
    /// `true` or `false`.
    case boolean(Bool)
    /// An integer subtype number, exact to 64 bits (`math.type` is `"integer"`).
    case integer(Int64)
    /// A float subtype number.
    case number(Double)
    /// A byte string; embedded NULs and invalid UTF-8 are kept as they are.
    case string([UInt8])
    /// A table, copied.
    case table(LuaTable)
    /// A Lua or Swift function in the state.
    case function(LuaReference)
    /// A full or light userdata in the state.
    case userdata(LuaReference)
    /// A coroutine in the state.
    case thread(LuaReference)
    /// The `json.null` sentinel: a present field whose value is JSON null.
    case null

    /// A string value from text, as UTF-8 bytes.
    public static func string(_ text: String) -> LuaValue {
        .string(Array(text.utf8))
    }

    /// The text of a string value when it is valid UTF-8, else nil.
    public var text: String? {
        guard case .string(let bytes) = self else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Lua's truth: everything but `nil` and `false` is true.
    public var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): false
        default: true
        }
    }

    /// The Lua type name, as `type()` returns it (`json.null` is a `userdata`).
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .function: "function"
        case .userdata, .null: "userdata"
        case .thread: "thread"
        }
    }
}

extension LuaValue: ExpressibleByStringLiteral {
    /// A string value from a literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension LuaValue: ExpressibleByIntegerLiteral {
    /// An integer value from a literal.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension LuaValue: ExpressibleByFloatLiteral {
    /// A float value from a literal.
    public init(floatLiteral value: Double) {
        self = .number(value)
    }
}

extension LuaValue: ExpressibleByBooleanLiteral {
    /// A boolean value from a literal.
    public init(booleanLiteral value: Bool) {
        self = .boolean(value)
    }
}

extension LuaValue: CustomStringConvertible {
    /// A short Lua-like rendering: strings quoted (lossy for invalid UTF-8), tables summarized.
    public var description: String {
        switch self {
        case .nil: "nil"
        case .boolean(let flag): String(flag)
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .string(let bytes): "\"" + String(decoding: bytes, as: UTF8.self) + "\""
        case .table(let table):
            "table(sequence: \(table.sequence), fields: \(table.fields), isArray: \(table.isArray))"
        case .function(let reference), .userdata(let reference), .thread(let reference):
            reference.description
        case .null: "json.null"
        }
    }
}
