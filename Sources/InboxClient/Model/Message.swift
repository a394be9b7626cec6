/// One message in a thread.
public struct Message: WireObject {
    /// The wire object (v1 or v2 shape).
    public let json: JSONValue
    /// The message's Inbox id.
    public let id: String
    /// The thread it belongs to.
    public let threadId: String
    /// The account link of its thread (v2; nil in v1).
    public let accountLinkId: String?
    /// The platform's message id, once the platform has one.
    public let platformId: String?
    /// `inbound` or `outbound` (v2; nil in v1).
    public let direction: String?
    /// The text.
    public let content: String
    /// When it was sent (ISO 8601).
    public let createdAt: String?

    /// Wraps a wire `Message` of either version.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Message")
        self.json = json
        id = try fields.id("id")
        threadId = try fields.id("threadId")
        accountLinkId = try fields.optionalID("accountLinkId")
        platformId = try fields.optionalID("platformId")
        direction = try fields.optionalString("direction")
        content = try fields.optionalString("content") ?? ""
        createdAt = try fields.optionalString("createdAt")
    }
}
