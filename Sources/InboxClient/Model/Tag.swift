/// A label the team puts on people.
public struct Tag: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The tag's id.
    public let id: String
    /// The name, unique in the team.
    public let name: String
    /// The colour (v2: lower-case hex; v1: hex or palette name).
    public let color: String?

    /// Wraps a wire `Tag`.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Tag")
        self.json = json
        id = try fields.id("id")
        name = try fields.string("name")
        color = try fields.optionalString("color")
    }
}
