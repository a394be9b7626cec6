import FoundationEssentials
import InboxClient

/// Shorthands the emulator's encoders and readers use on the client's JSON value.
extension JSONValue {
    /// An object from key–value pairs, in this order.
    static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(pairs.map { (key: $0.0, value: $0.1) }))
    }

    /// An integer.
    static func int(_ value: Int64) -> JSONValue { .integer(value) }

    /// An optional string: the string, or `null`.
    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The members of an object as pairs, or nil for any other value.
    var pairs: [(String, JSONValue)]? {
        objectValue?.members.map { ($0.key, $0.value) }
    }

    /// The compact JSON text as UTF-8 bytes.
    var bytes: [UInt8] { Array(serialized()) }

    /// Parses a complete JSON text; nil when it is not valid JSON.
    static func parse(bytes: [UInt8]) -> JSONValue? {
        try? JSONValue.parse(Data(bytes))
    }

    /// The value with every object's keys sorted, so two bodies that differ
    /// only in key order compare (and serialise) equal.
    var canonical: JSONValue {
        switch self {
        case .array(let items): return .array(items.map(\.canonical))
        case .object(let object):
            return .object(
                object.members.sorted { $0.key < $1.key }.map { ($0.key, $0.value.canonical) })
        default: return self
        }
    }
}
