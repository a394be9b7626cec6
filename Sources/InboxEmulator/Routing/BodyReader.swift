import InboxClient

/// A PATCH field: left alone when omitted, otherwise set (to a value or null).
enum Patch<Value> {
    case unchanged
    case set(Value)
}

/// Reads the fields of a JSON request body, collecting every problem (wrong
/// type, missing, too short, unknown field) so one 400 can list them all.
struct BodyReader {
    private let pairs: [(String, JSONValue)]
    private let prefix: [String]
    private var consumed: Set<String> = []
    private(set) var issues: [ValidationIssue] = []

    /// A reader for `body`; a missing body reads as `{}`.
    init(_ body: JSONValue?, at prefix: [String] = []) {
        self.prefix = prefix
        switch body {
        case .object(let object): self.pairs = object.members.map { ($0.key, $0.value) }
        case nil: self.pairs = []
        case .some:
            self.pairs = []
            issues.append(ValidationIssue(path: prefix, message: "Expected an object"))
        }
    }

    private func value(_ key: String) -> JSONValue? { pairs.first { $0.0 == key }?.1 }

    private mutating func issue(_ key: String, _ message: String) {
        issues.append(ValidationIssue(path: prefix + [key], message: message))
    }

    /// A string field; nil when absent or wrong (and then an issue is noted).
    mutating func string(
        _ key: String, required: Bool = false, minLength: Int = 0, maxLength: Int? = nil,
        inboxId: Bool = false
    ) -> String? {
        consumed.insert(key)
        guard let raw = value(key) else {
            if required { issue(key, "Required") }
            return nil
        }
        guard case .string(let text) = raw else {
            issue(key, "Expected a string")
            return nil
        }
        return checked(key, text, minLength: minLength, maxLength: maxLength, inboxId: inboxId)
    }

    /// A string-or-null field for PATCH bodies.
    mutating func nullableString(_ key: String, inboxId: Bool = false, maxLength: Int? = nil)
        -> Patch<String?>
    {
        consumed.insert(key)
        switch value(key) {
        case nil: return .unchanged
        case .null: return .set(nil)
        case .string(let text):
            guard
                let text = checked(key, text, minLength: 0, maxLength: maxLength, inboxId: inboxId)
            else { return .unchanged }
            return .set(text)
        default:
            issue(key, "Expected a string or null")
            return .unchanged
        }
    }

    /// A number-or-null field for PATCH bodies.
    mutating func nullableNumber(_ key: String) -> Patch<Double?> {
        consumed.insert(key)
        switch value(key) {
        case nil: return .unchanged
        case .null: return .set(nil)
        case .integer(let number): return .set(Double(number))
        case .double(let number): return .set(number)
        default:
            issue(key, "Expected a number or null")
            return .unchanged
        }
    }

    /// A boolean field.
    mutating func bool(_ key: String) -> Bool? {
        consumed.insert(key)
        switch value(key) {
        case nil: return nil
        case .bool(let flag): return flag
        default:
            issue(key, "Expected a boolean")
            return nil
        }
    }

    /// A boolean-or-null field for PATCH bodies.
    mutating func nullableBool(_ key: String) -> Patch<Bool?> {
        consumed.insert(key)
        switch value(key) {
        case nil: return .unchanged
        case .null: return .set(nil)
        case .bool(let flag): return .set(flag)
        default:
            issue(key, "Expected a boolean or null")
            return .unchanged
        }
    }

    /// An array of Inbox ids.
    mutating func idArray(_ key: String) -> [String]? {
        consumed.insert(key)
        guard let raw = value(key) else { return nil }
        guard case .array(let items) = raw else {
            issue(key, "Expected an array")
            return nil
        }
        var ids: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item, InboxId.isValid(text) else {
                issues.append(
                    ValidationIssue(path: prefix + [key, String(index)], message: "Expected an id"))
                continue
            }
            ids.append(text)
        }
        return ids
    }

    /// A nested object, for further reading.
    mutating func object(_ key: String, required: Bool = false) -> JSONValue? {
        consumed.insert(key)
        guard let raw = value(key) else {
            if required { issue(key, "Required") }
            return nil
        }
        guard case .object = raw else {
            issue(key, "Expected an object")
            return nil
        }
        return raw
    }

    /// Adds the issues a nested reader found.
    mutating func absorb(_ nested: BodyReader) {
        var nested = nested
        nested.noteUnknownFields()
        issues += nested.issues
    }

    /// Throws `invalidRequest` listing every problem, unknown fields included.
    mutating func finish() throws {
        noteUnknownFields()
        guard issues.isEmpty else { throw APIProblem.invalid(issues) }
    }

    private mutating func noteUnknownFields() {
        for (key, _) in pairs where !consumed.contains(key) {
            issue(key, "Unrecognized key")
            consumed.insert(key)
        }
    }

    private mutating func checked(
        _ key: String, _ text: String, minLength: Int, maxLength: Int?, inboxId: Bool
    ) -> String? {
        if text.count < minLength {
            issue(key, "Must be at least \(minLength) character\(minLength == 1 ? "" : "s")")
            return nil
        }
        if let maxLength, text.count > maxLength {
            issue(key, "Must be at most \(maxLength) characters")
            return nil
        }
        if inboxId, !InboxId.isValid(text) {
            issue(key, "Expected an Inbox id (lowercase letters and digits)")
            return nil
        }
        return text
    }
}

/// The shape rule of Inbox ids, `^[0-9a-z]+$`.
enum InboxId {
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) || (97...122).contains($0) }
    }
}
