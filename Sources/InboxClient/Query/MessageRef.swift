/// Names one message. v1 paths need the thread's id too; v2 needs only the message's.
public struct MessageRef: Sendable, Hashable {
    /// The message's id.
    public var messageId: String
    /// The thread's id (required by v1).
    public var threadId: String?

    /// A reference to a message.
    public init(messageId: String, threadId: String? = nil) {
        self.messageId = messageId
        self.threadId = threadId
    }
}
