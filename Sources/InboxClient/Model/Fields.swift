/// Reads typed members out of a wire object, naming the type and field on failure.
struct Fields {
    let object: JSONObject
    let type: String

    init(_ json: JSONValue, _ type: String) throws {
        guard case .object(let object) = json else {
            throw JSONShapeError(
                type: type, field: "",
                problem: "expected an object, found "
                    + json.kindName)
        }
        self.object = object
        self.type = type
    }

    private func problem(_ key: String, _ expected: String, _ found: JSONValue?)
        -> JSONShapeError
    {
        JSONShapeError(
            type: type, field: key,
            problem: "expected \(expected), found \(found?.kindName ?? "nothing")")
    }

    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else {
            throw problem(key, "a string", object[key])
        }
        return value
    }

    /// A string, or nil when missing or null.
    func optionalString(_ key: String) throws -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other: throw problem(key, "a string", other)
        }
    }

    /// An id: a string, or an integer written back as its exact digits.
    func optionalID(_ key: String) throws -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case .integer(let value)?: return String(value)
        case let other: throw problem(key, "an id", other)
        }
    }

    func id(_ key: String) throws -> String {
        guard let value = try optionalID(key) else { throw problem(key, "an id", object[key]) }
        return value
    }

    func optionalBool(_ key: String) throws -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other: throw problem(key, "a boolean", other)
        }
    }

    func bool(_ key: String) throws -> Bool {
        guard let value = try optionalBool(key) else {
            throw problem(key, "a boolean", object[key])
        }
        return value
    }

    func optionalInteger(_ key: String) throws -> Int64? {
        switch object[key] {
        case nil, .null?: return nil
        case .integer(let value)?: return value
        case .double(let value)? where value == value.rounded() && abs(value) < 9e15:
            return Int64(value)
        case let other: throw problem(key, "an integer", other)
        }
    }

    func optionalNumber(_ key: String) throws -> Double? {
        switch object[key] {
        case nil, .null?: return nil
        case .integer(let value)?: return Double(value)
        case .double(let value)?: return value
        case let other: throw problem(key, "a number", other)
        }
    }

    /// An array of ids; missing or null reads as empty.
    func idArray(_ key: String) throws -> [String] {
        switch object[key] {
        case nil, .null?: return []
        case .array(let elements)?:
            var ids: [String] = []
            ids.reserveCapacity(elements.count)
            for element in elements {
                switch element {
                case .string(let value): ids.append(value)
                case .integer(let value): ids.append(String(value))
                default: throw problem(key, "an array of ids", element)
                }
            }
            return ids
        case let other: throw problem(key, "an array", other)
        }
    }

    /// A nested object, or nil when missing or null.
    func optionalObject(_ key: String) throws -> JSONValue? {
        switch object[key] {
        case nil, .null?: return nil
        case .object(let value)?: return .object(value)
        case let other: throw problem(key, "an object", other)
        }
    }

    /// An array of nested values; missing or null reads as empty.
    func array(_ key: String) throws -> [JSONValue] {
        switch object[key] {
        case nil, .null?: return []
        case .array(let elements)?: return elements
        case let other: throw problem(key, "an array", other)
        }
    }
}
