/// A conversation between one account link and one person.
///
/// Named after the API's object; refer to Foundation's thread as `Foundation.Thread` in
/// files that import both.
public struct Thread: WireObject {
    /// The wire object (v1 or v2 shape).
    public let json: JSONValue
    /// The thread's Inbox id.
    public let id: String
    /// The platform, such as `twitter`.
    public let platform: String
    /// The platform's conversation id, such as `111:222`; v2 has none before a first message.
    public let platformId: String?
    /// The account link the conversation belongs to.
    public let accountLinkId: String
    /// The effective assignee's member id.
    public let assigneeId: String?
    /// Whether the thread is archived (v1 `done`, v2 `archived`).
    public let archived: Bool
    /// Whether the thread is unread (v2 only; nil in v1).
    public let unread: Bool?
    /// Whether the thread is a message request.
    public let isRequest: Bool
    /// The contact's id (v2).
    public let contactId: String?
    /// The profile's id (v2).
    public let profileId: String?
    /// The embedded prospect (v1).
    public let prospect: Prospect?
    /// When the thread was created (ISO 8601).
    public let createdAt: String?

    /// Wraps a wire `Thread` of either version.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Thread")
        self.json = json
        id = try fields.id("id")
        platform = try fields.string("platform")
        platformId = try fields.optionalID("platformId")
        accountLinkId = try fields.id("accountLinkId")
        assigneeId = try fields.optionalID("assigneeId")
        archived = try fields.optionalBool("archived") ?? fields.optionalBool("done") ?? false
        unread = try fields.optionalBool("unread")
        isRequest = try fields.optionalBool("isRequest") ?? false
        contactId = try fields.optionalID("contactId")
        profileId = try fields.optionalID("profileId")
        prospect = try fields.optionalObject("prospect").map { v in
            try Prospect(json: v)
        }
        createdAt = try fields.optionalString("createdAt")
    }
}
