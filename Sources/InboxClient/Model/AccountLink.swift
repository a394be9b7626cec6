/// One of the team's connected platform accounts, the account messages are sent from.
public struct AccountLink: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The account link's Inbox id (what `accountLinkId` takes).
    public let id: String
    /// The platform, such as `twitter`.
    public let platform: String
    /// The platform's own user id (an X user id stays a string of digits).
    public let platformId: String
    /// The username without `@`, when known.
    public let username: String?
    /// The display name (v1 `name`, v2 `displayName`).
    public let displayName: String?
    /// `active`, `offline` or `paused`.
    public let status: String

    /// Wraps a wire `AccountLink` of either version.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "AccountLink")
        self.json = json
        id = try fields.id("id")
        platform = try fields.string("platform")
        platformId = try fields.id("platformId")
        username = try fields.optionalString("username")
        displayName = try fields.optionalString("displayName") ?? fields.optionalString("name")
        status = try fields.string("status")
    }
}
