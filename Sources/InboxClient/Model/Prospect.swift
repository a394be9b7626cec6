/// A person as v1 sees them: X profile facts plus the team's `context`.
public struct Prospect: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The X user id (a string of digits).
    public let platformId: String
    /// The Inbox id (`prospectId` in paths), nil when the person was never imported.
    public let externalId: String?
    /// The username, lower-case, without `@`.
    public let username: String?
    /// The display name.
    public let displayName: String?
    /// Followers.
    public let followerCount: Int64?
    /// The pipeline status id, from `context`.
    public let statusId: String?
    /// Tag ids, from `context.tags`.
    public let tagIds: [String]
    /// Notes, from `context`.
    public let notes: String?
    /// Valuation, from `context`.
    public let valuation: Double?

    /// Wraps a wire `Prospect` (with or without `context`).
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Prospect")
        self.json = json
        platformId = try fields.id("platformId")
        externalId = try fields.optionalID("externalId")
        username = try fields.optionalString("username")
        displayName = try fields.optionalString("displayName")
        followerCount = try fields.optionalInteger("followerCount")
        let context = try fields.optionalObject("context").map { v in
            try Fields(v, "Prospect.context")
        }
        statusId = try context?.optionalID("statusId")
        tagIds = try context?.idArray("tags") ?? []
        notes = try context?.optionalString("notes")
        valuation = try context?.optionalNumber("valuation")
    }
}
