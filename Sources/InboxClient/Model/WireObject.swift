/// An API object kept exactly as the wire carried it, with typed accessors for the fields
/// the client and scripts rely on.
///
/// `json` is the object as received (v1 or v2 shape, the API's own field names), so the
/// scripting layer can hand it on as a plain table. `json.serialized()` writes the same
/// JSON back, members in wire order; `Codable` encodes the same members and values (member
/// order is then up to the encoder). Decoding checks the fields the type needs.
public protocol WireObject: Codable, Sendable, Hashable {
    /// Wraps a wire object, checking the fields this type reads.
    init(json: JSONValue) throws

    /// The object exactly as the wire carried it.
    var json: JSONValue { get }
}

extension WireObject {
    /// Decodes the JSON value, then checks it as `init(json:)` does.
    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }

    /// Encodes the wire JSON unchanged.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// Objects are equal when their wire JSON is.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.json == rhs.json }

    /// Hashes the wire JSON.
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }
}
