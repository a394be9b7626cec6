/// A message to send, into a thread or to a person from a chosen account link.
public struct SendRequest: Sendable, Hashable {
    /// Where the message goes.
    public enum Target: Sendable, Hashable {
        /// Into an existing thread.
        case thread(id: String)
        /// To a person from one account link, reusing or creating their thread
        /// (v1 quick send; v2 `contact` or `profile` target).
        case person(accountLinkId: String, PersonRef)
    }

    /// Where the message goes.
    public var target: Target
    /// The text.
    public var content: String
    /// The message this one replies to.
    public var replyToMessageId: String?
    /// The v2 `Idempotency-Key`. Nil makes the client generate one for this send; it is
    /// reused on every retry of the send.
    public var idempotencyKey: String?

    /// A send request.
    public init(
        target: Target, content: String, replyToMessageId: String? = nil,
        idempotencyKey: String? = nil
    ) {
        self.target = target
        self.content = content
        self.replyToMessageId = replyToMessageId
        self.idempotencyKey = idempotencyKey
    }
}
