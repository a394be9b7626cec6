/// A person's account on one platform (v2), shared facts such as followers.
public struct Profile: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The profile's Inbox id.
    public let id: String
    /// The platform, such as `twitter`.
    public let platform: String
    /// The platform's user id (an X id stays a string of digits).
    public let platformId: String
    /// The username without prefix.
    public let username: String?
    /// The display name.
    public let displayName: String?
    /// Followers, when the platform reports them.
    public let followerCount: Int64?

    /// Wraps a wire `Profile`.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Profile")
        self.json = json
        id = try fields.id("id")
        platform = try fields.string("platform")
        platformId = try fields.id("platformId")
        username = try fields.optionalString("username")
        displayName = try fields.optionalString("displayName")
        followerCount = try fields.optionalInteger("followerCount")
    }
}
