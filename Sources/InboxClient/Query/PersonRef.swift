/// How a call names a person.
public enum PersonRef: Sendable, Hashable {
    /// By the platform's user id (an X user id, as a string of digits).
    case platformId(String, platform: String = "twitter")
    /// By Inbox id: the v1 prospect's `externalId`, or the v2 contact's `id`.
    case externalId(String)
    /// By username, without `@`.
    case username(String, platform: String = "twitter")
}
