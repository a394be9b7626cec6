/// A person on the team, whom threads and contacts can be assigned to.
public struct Member: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The member id, the value `assigneeId` fields take.
    public let id: String
    /// The display name, when set.
    public let name: String?
    /// The member's email.
    public let email: String?
    /// `owner`, `admin` or `user`.
    public let role: String?

    /// Wraps a wire `Member`.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Member")
        self.json = json
        id = try fields.id("id")
        name = try fields.optionalString("name")
        email = try fields.optionalString("email")
        role = try fields.optionalString("role")
    }
}
