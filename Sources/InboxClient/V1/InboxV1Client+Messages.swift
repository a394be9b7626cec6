extension InboxV1Client {
    /// `POST /threads/{threadId}/messages` or quick send `POST /threads/messages`. Never
    /// retried once it may have reached the server: v1 has no idempotency.
    public func send(_ request: SendRequest) throws -> SendResult {
        let operation = "send"
        if case .person(let accountLinkId, _) = request.target {
            try IDCheck.accountLinkId(accountLinkId, operation)
        }
        if request.idempotencyKey != nil {
            throw InboxError.unsupported(operation, .v1, "an idempotency key")
        }
        switch request.target {
        case .thread(let threadId):
            var body: JSONObject = ["content": .string(request.content)]
            body["replyToMessageId"] = request.replyToMessageId.map(JSONValue.string)
            let call = APICall(
                operation, "POST", path("threads", threadId, "messages"),
                body: .object(body), safety: .unsafeSend)
            let message = try engine.decode(call, Message.init(json:))
            return try SendResult(json: [
                "message": message.json, "thread": ["id": .string(message.threadId)],
            ])
        case .person(let accountLinkId, let person):
            if request.replyToMessageId != nil {
                throw InboxError.unsupported(operation, .v1, "a reply in a quick send")
            }
            var body: JSONObject = [
                "accountLinkId": .string(accountLinkId), "content": .string(request.content),
            ]
            try addPerson(person, to: &body, operation: operation)
            let call = APICall(
                operation, "POST", "/threads/messages", body: .object(body),
                safety: .unsafeSend)
            return try engine.decode(call, SendResult.init(json:))
        }
    }

    /// `GET /threads/{threadId}/messages?limit=&cursorId=&cursorTimestamp=`.
    public func messages(threadId: String, _ query: MessageQuery, cursor: PageCursor?) throws
        -> Page<Message>
    {
        let operation = "messages"
        if query.order == .asc {
            throw InboxError.unsupported(operation, .v1, "listing messages oldest first")
        }
        var items = QueryString()
        items.add("limit", query.limit)
        try V1Cursor.add(cursor, to: &items, operation: operation)
        let call = APICall(
            operation, "GET", path("threads", threadId, "messages"),
            query: items)
        return try engine.decode(call) { body in
            Page(
                items: try decodeArray(body["messages"], "messages", Message.init(json:)),
                nextCursor: try V1Cursor.pack(body["nextCursor"]))
        }
    }

    /// `PATCH /threads/{threadId}/messages/{messageId}` `{content}` (X Chat threads).
    public func editMessage(_ message: MessageRef, content: String) throws -> APIObject {
        let call = APICall(
            "editMessage", "PATCH", try messagePath(message, "editMessage"),
            body: ["content": .string(content)])
        return APIObject(json: try engine.json(call))
    }

    /// `DELETE /threads/{threadId}/messages/{messageId}` `{deleteForAll}`.
    public func deleteMessage(_ message: MessageRef, forEveryone: Bool) throws -> APIObject {
        let call = APICall(
            "deleteMessage", "DELETE",
            try messagePath(message, "deleteMessage"), body: ["deleteForAll": .bool(forEveryone)])
        return APIObject(json: try engine.perhapsEmpty(call))
    }

    /// `POST /threads/{threadId}/messages/{messageId}/reactions/reactions` `{emoji}`.
    public func react(_ message: MessageRef, emoji: String) throws -> APIObject {
        let call = APICall(
            "react", "POST",
            try messagePath(message, "react") + "/reactions/reactions",
            body: ["emoji": .string(emoji)])
        return APIObject(json: try engine.json(call))
    }

    /// `DELETE /threads/{threadId}/messages/{messageId}/reactions/reactions` `{emoji}`.
    public func unreact(_ message: MessageRef, emoji: String) throws -> APIObject {
        let call = APICall(
            "unreact", "DELETE",
            try messagePath(message, "unreact") + "/reactions/reactions",
            body: ["emoji": .string(emoji)])
        return APIObject(json: try engine.perhapsEmpty(call))
    }

    private func messagePath(_ message: MessageRef, _ operation: String) throws -> String {
        guard let threadId = message.threadId else {
            throw InboxError.invalidArgument(
                operation,
                "API v1 needs the thread id of message \(message.messageId)")
        }
        return path("threads", threadId, "messages", message.messageId)
    }
}
