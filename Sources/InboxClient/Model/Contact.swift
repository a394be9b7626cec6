/// The team's record of a person (v2): status, tags, notes, valuation, profiles.
public struct Contact: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The contact's Inbox id.
    public let id: String
    /// The person's profiles on each platform.
    public let profiles: [Profile]
    /// The pipeline status id, if any.
    public let statusId: String?
    /// The ids of its tags.
    public let tagIds: [String]
    /// Free-text notes.
    public let notes: String?
    /// The valuation in the team's currency.
    public let valuation: Double?
    /// The default assignee of its threads.
    public let assigneeId: String?

    /// Wraps a wire `Contact`.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Contact")
        self.json = json
        id = try fields.id("id")
        var profiles: [Profile] = []
        for profile in try fields.array("profiles") {
            profiles.append(try Profile(json: profile))
        }
        self.profiles = profiles
        statusId = try fields.optionalID("statusId")
        tagIds = try fields.idArray("tagIds")
        notes = try fields.optionalString("notes")
        valuation = try fields.optionalNumber("valuation")
        assigneeId = try fields.optionalID("assigneeId")
    }
}
