import InboxClient
import LuaKit

/// One call of a binding, its arguments checked: the positional id and the table's values by
/// their API name (aliases already folded), as JSON.
struct BindingCall {
    let binding: Binding
    let session: ScriptSession
    let arguments: LuaArguments
    /// The positional id of `f(id)` and `f(id, {...})`.
    let id: String?
    /// The table's values by canonical key.
    let values: [String: JSONValue]

    var name: String { binding.name }

    // MARK: - Reading and writing through the session

    /// Runs a read against the backend, opening it on first use.
    func read<T>(_ body: (any Inbox) throws -> T) throws -> T {
        try body(session.inbox())
    }

    /// Runs a write through the gate: made, or recorded with `placeholder` in a dry run.
    func write(
        targets: [String], placeholder: () throws -> JSONValue,
        perform: (any Inbox) throws -> JSONValue
    ) throws -> [LuaValue] {
        var recorded = JSONObject(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        if let id { recorded["id"] = .string(id) }
        let result = try session.gate.write(
            name, arguments: .object(recorded), targets: targets, placeholder: placeholder,
            perform: { try perform(session.inbox()) })
        if session.gate.dryRun {
            session.logger.log(.debug, "write recorded", ["operation": name])
        }
        return [LuaValue(json: result)]
    }

    // MARK: - Typed values

    func string(_ key: String) -> String? { values[key]?.stringValue }

    func bool(_ key: String) -> Bool? { values[key]?.boolValue }

    func integer(_ key: String) -> Int? { values[key]?.integerValue.map { Int($0) } }

    /// A list key's values; a single value reads as a list of one.
    func list(_ key: String) -> [String] {
        switch values[key] {
        case .array(let elements)?: elements.compactMap(\.stringValue)
        case .string(let value)?: [value]
        default: []
        }
    }

    /// A clearable string: nil to leave, `.clear` for `json.null`.
    func update(_ key: String) -> FieldUpdate<String>? {
        switch values[key] {
        case .null?: .clear
        case .string(let value)?: .set(value)
        default: nil
        }
    }

    /// A clearable number.
    func numberUpdate(_ key: String) -> FieldUpdate<Double>? {
        switch values[key] {
        case .null?: .clear
        case let value?: value.doubleValue.map(FieldUpdate.set)
        default: nil
        }
    }

    /// A required string the checks have already ensured.
    func required(_ key: String) throws -> String {
        guard let value = string(key) else {
            throw BindingError(name, "\(key) is required")
        }
        return value
    }

    /// The positional id.
    func requiredId() throws -> String {
        guard let id else { throw BindingError(name, "an id is required") }
        return id
    }

    /// The error for a failed API call: `inbox.threads.get: <what the client says>`.
    func failure(_ error: any Error) -> BindingError {
        BindingError(name, String(describing: error))
    }
}
