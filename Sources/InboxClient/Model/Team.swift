/// The team the API token belongs to (v1 and v2 `Team`).
public struct Team: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The team's id.
    public let id: String
    /// The team's name.
    public let name: String
    /// The team's URL segment in Inbox.
    public let slug: String?
    /// The ISO 4217 code valuations are in, such as `USD`.
    public let currency: String?

    /// Wraps a wire `Team`.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Team")
        self.json = json
        id = try fields.id("id")
        name = try fields.string("name")
        slug = try fields.optionalString("slug")
        currency = try fields.optionalString("currency")
    }
}
