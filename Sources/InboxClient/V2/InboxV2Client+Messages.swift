import FoundationEssentials

extension InboxV2Client {
    /// `POST /messages` with an `Idempotency-Key` (the request's, or a new one), retried
    /// with the same key. `sendUnconfirmed` is never retried.
    public func send(_ request: SendRequest) throws -> SendResult {
        let operation = "send"
        if case .person(let accountLinkId, _) = request.target {
            try IDCheck.accountLinkId(accountLinkId, operation)
        }
        var target = JSONObject()
        switch request.target {
        case .thread(let id):
            target = ["type": "thread", "threadId": .string(id)]
        case .person(let accountLinkId, .externalId(let contactId)):
            target = [
                "type": "contact", "accountLinkId": .string(accountLinkId),
                "contactId": .string(contactId),
            ]
        case .person(let accountLinkId, .platformId(let platformId, let platform)):
            target = [
                "type": "profile", "accountLinkId": .string(accountLinkId),
                "platform": .string(platform), "platformId": .string(platformId),
            ]
        case .person(let accountLinkId, let person):
            guard let contact = try contacts(person, operation: operation).first else {
                throw InboxError(
                    .api, operation: operation,
                    message: "no contact matches \(person)", code: "contactNotFound")
            }
            target = [
                "type": "contact", "accountLinkId": .string(accountLinkId),
                "contactId": .string(contact.id),
            ]
        }
        var body: JSONObject = ["target": .object(target), "content": .string(request.content)]
        body["replyToMessageId"] = request.replyToMessageId.map(JSONValue.string)
        var call = APICall(
            operation, "POST", "/messages", body: .object(body),
            safety: .idempotentSend)
        let key = request.idempotencyKey ?? "inbox-lua-" + UUID().uuidString.lowercased()
        call.headers.append(HTTPHeader("Idempotency-Key", key))
        return try engine.decode(call, SendResult.init(json:))
    }

    /// `GET /threads/{threadId}/messages?order=&limit=&cursor=`.
    public func messages(threadId: String, _ query: MessageQuery, cursor: PageCursor?) throws
        -> Page<Message>
    {
        var items = QueryString()
        items.add("order", query.order?.rawValue)
        items.add("limit", query.limit)
        items.add("cursor", cursor?.value)
        let call = APICall(
            "messages", "GET", path("threads", threadId, "messages"),
            query: items)
        return try page(call, Message.init(json:))
    }

    /// `PATCH /messages/{messageId}` `{content}`; returns the edited `Message`.
    public func editMessage(_ message: MessageRef, content: String) throws -> APIObject {
        let call = APICall(
            "editMessage", "PATCH", path("messages", message.messageId),
            body: ["content": .string(content)])
        return APIObject(json: try engine.json(call))
    }

    /// `DELETE /messages/{messageId}?scope=all|self`; returns the `MessageDeletion`.
    public func deleteMessage(_ message: MessageRef, forEveryone: Bool) throws -> APIObject {
        var query = QueryString()
        query.add("scope", forEveryone ? "all" : "self")
        let call = APICall(
            "deleteMessage", "DELETE", path("messages", message.messageId),
            query: query)
        return APIObject(json: try engine.json(call))
    }

    /// `POST /messages/{messageId}/reactions` `{emoji}`; returns the `Reactions`.
    public func react(_ message: MessageRef, emoji: String) throws -> APIObject {
        let call = APICall(
            "react", "POST", path("messages", message.messageId, "reactions"),
            body: ["emoji": .string(emoji)])
        return APIObject(json: try engine.json(call))
    }

    /// `DELETE /messages/{messageId}/reactions?emoji=`; returns the `Reactions`.
    public func unreact(_ message: MessageRef, emoji: String) throws -> APIObject {
        var query = QueryString()
        query.add("emoji", emoji)
        let call = APICall(
            "unreact", "DELETE",
            path("messages", message.messageId, "reactions"), query: query)
        return APIObject(json: try engine.json(call))
    }
}
