/// A pipeline stage; a person has at most one.
public struct Status: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The status's id.
    public let id: String
    /// The name, unique in the team.
    public let name: String
    /// The colour as hex, or nil for none.
    public let color: String?

    /// Wraps a wire `Status`.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Status")
        self.json = json
        id = try fields.id("id")
        name = try fields.string("name")
        color = try fields.optionalString("color")
    }
}
