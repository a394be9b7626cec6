/// What a send returns: the message and the thread it went into.
///
/// `json` is `{message, thread}`: v2 `SendResult` and v1 quick send as received; for a v1
/// send into a thread (whose wire answer is the bare message) the client wraps it as
/// `{"message": <message>, "thread": {"id": <thread id>}}`.
public struct SendResult: WireObject {
    /// The wire object, `{message, thread}`.
    public let json: JSONValue
    /// The message sent.
    public let message: Message
    /// The thread's id.
    public let threadId: String
    /// The full thread when the API returned one (v2); v1 returns only ids.
    public let thread: Thread?

    /// Wraps a `{message, thread}` object.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "SendResult")
        guard let message = try fields.optionalObject("message") else {
            throw JSONShapeError(
                type: "SendResult", field: "message",
                problem: "expected an object")
        }
        self.json = json
        self.message = try Message(json: message)
        let threadJSON = try fields.optionalObject("thread")
        if let threadJSON, threadJSON["accountLinkId"] != nil {
            thread = try Thread(json: threadJSON)
        } else {
            thread = nil
        }
        threadId =
            try threadJSON.map { v in
                try Fields(v, "SendResult.thread").id("id")
            } ?? self.message.threadId
    }
}
