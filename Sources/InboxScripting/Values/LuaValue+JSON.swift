import InboxClient
import LuaKit

extension LuaValue {
    /// The Lua form of a JSON value: integers stay integers, `null` is `json.null`, arrays are
    /// marked as arrays (empty ones included), objects are plain tables.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .boolean(flag)
        case .integer(let number): self = .integer(number)
        case .double(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .table(.array(elements.map(LuaValue.init(json:))))
        case .object(let object):
            var fields: [LuaValue: LuaValue] = [:]
            fields.reserveCapacity(object.count)
            for member in object.members {
                fields[.string(member.key)] = LuaValue(json: member.value)
            }
            self = .table(LuaTable(fields: fields))
        }
    }
}

extension JSONValue {
    /// The JSON form of a Lua value, as the `json` module encodes it: a marked table or one
    /// with keys `1...n` is an array, one with string keys an object, an empty unmarked
    /// table `{}`; `nil` and `json.null` are `null`.
    ///
    /// - Throws: ``ScriptValueError`` for functions, userdata, mixed or sparse tables, NaN.
    public init(lua value: LuaValue) throws {
        self = try Self.convert(value, path: "")
    }

    private static func convert(_ value: LuaValue, path: String) throws -> JSONValue {
        switch value {
        case .nil, .null: return .null
        case .boolean(let flag): return .bool(flag)
        case .integer(let number): return .integer(number)
        case .number(let number):
            guard number.isFinite else {
                throw ScriptValueError("cannot convert \(number) to JSON\(at(path))")
            }
            return .double(number)
        case .string:
            guard let text = value.text else {
                throw ScriptValueError("cannot convert invalid UTF-8 to JSON\(at(path))")
            }
            return .string(text)
        case .table(let table): return try convert(table, path: path)
        case .function, .userdata, .thread:
            throw ScriptValueError("cannot convert a \(value.typeName) to JSON\(at(path))")
        }
    }

    private static func convert(_ table: LuaTable, path: String) throws -> JSONValue {
        if table.isArray || table.fields.isEmpty && !table.sequence.isEmpty {
            guard table.fields.isEmpty else {
                throw ScriptValueError("cannot convert a sparse array to JSON\(at(path))")
            }
            var elements: [JSONValue] = []
            for (offset, element) in table.sequence.enumerated() {
                elements.append(try convert(element, path: "\(path)[\(offset + 1)]"))
            }
            return .array(elements)
        }
        guard table.sequence.isEmpty else {
            throw ScriptValueError("cannot convert a table mixing keys to JSON\(at(path))")
        }
        var members: [(key: String, value: JSONValue)] = []
        for (key, element) in table.fields {
            guard let name = key.text else {
                throw ScriptValueError(
                    "cannot convert a table with \(key.typeName) keys to JSON\(at(path))")
            }
            members.append((name, try convert(element, path: "\(path).\(name)")))
        }
        members.sort { $0.key < $1.key }
        return .object(JSONObject(members))
    }

    private static func at(_ path: String) -> String {
        path.isEmpty ? "" : " (at \(path))"
    }
}
