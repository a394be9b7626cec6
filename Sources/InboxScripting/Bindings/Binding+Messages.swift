import InboxClient
import LuaKit

extension Binding {
    /// Reading, sending and changing messages.
    static var messageBindings: [Binding] {
        [
            Binding(
                "inbox.messages.list",
                "inbox.messages.list(thread_id [, {order =, limit =, max =}])",
                "A thread's messages (all pages; `max` stops early), newest first unless "
                    + "order = \"asc\".",
                shape: .idAndTable("thread id"),
                keys: [
                    BindingKey("order", .string), BindingKey("limit", .integer),
                    BindingKey("max", .integer),
                ]
            ) { call in
                let thread = try call.requiredId()
                let order = try call.string("order").map { text in
                    guard let order = SortOrder(rawValue: text) else {
                        throw BindingError(call.name, "order \"\(text)\" is not asc or desc")
                    }
                    return order
                }
                let query = MessageQuery(order: order, limit: call.integer("limit"))
                let messages = try call.read { inbox in
                    try inbox.allMessages(threadId: thread, query).collect(
                        limit: call.integer("max"))
                }
                return [.array(messages.map(\.json))]
            },
            send(named: "inbox.messages.send"),
            send(named: "inbox.send"),
            messageChange(
                "inbox.messages.edit", "inbox.messages.edit(id, {content =, threadId =})",
                "Edits a message's text where the platform allows (threadId needed in v1).",
                key: BindingKey("content", .string, required: true)
            ) { inbox, ref, call in
                try inbox.editMessage(ref, content: call.required("content")).json
            },
            messageChange(
                "inbox.messages.delete", "inbox.messages.delete(id, {forEveryone =, threadId =})",
                "Deletes a message for the team, or for everyone (unsend).",
                key: BindingKey("forEveryone", .boolean)
            ) { inbox, ref, call in
                try inbox.deleteMessage(ref, forEveryone: call.bool("forEveryone") ?? false).json
            },
            messageChange(
                "inbox.messages.react", "inbox.messages.react(id, {emoji =, threadId =})",
                "Adds a reaction (one emoji) to a message.",
                key: BindingKey("emoji", .string, required: true)
            ) { inbox, ref, call in
                try inbox.react(ref, emoji: call.required("emoji")).json
            },
            messageChange(
                "inbox.messages.unreact", "inbox.messages.unreact(id, {emoji =, threadId =})",
                "Removes a reaction from a message.",
                key: BindingKey("emoji", .string, required: true)
            ) { inbox, ref, call in
                try inbox.unreact(ref, emoji: call.required("emoji")).json
            },
        ]
    }

    private static func send(named name: String) -> Binding {
        Binding(
            name,
            "\(name){content =, threadId = | accountLinkId = and platformId = | contactId = "
                + "| username =}",
            "Sends a message into a thread, or to a person from one account link (opening the "
                + "thread if needed).",
            shape: .table,
            keys: [
                BindingKey("content", .string, required: true),
                BindingKey("threadId", .id),
                BindingKey("accountLinkId", .accountLinkId),
                BindingKey("replyToMessageId", .id),
                BindingKey("idempotencyKey", .string),
            ] + personKeys,
            writes: true
        ) { call in
            let request = try sendRequest(call)
            var targets: [String] = []
            switch request.target {
            case .thread(let id): targets = [id]
            case .person(let account, _): targets = [account]
            }
            return try call.write(targets: targets) {
                try sendPlaceholder(call, request)
            } perform: { inbox in
                try inbox.send(request).json
            }
        }
    }

    private static func sendRequest(_ call: BindingCall) throws -> SendRequest {
        let content = try call.required("content")
        let person = try personRef(call, required: false)
        let target: SendRequest.Target
        switch (call.string("threadId"), call.string("accountLinkId"), person) {
        case (let thread?, nil, nil): target = .thread(id: thread)
        case (nil, let account?, let person?): target = .person(accountLinkId: account, person)
        case (nil, _?, nil):
            throw BindingError(call.name, "name the person with platformId, contactId or username")
        case (nil, nil, _?):
            throw BindingError(call.name, "accountLinkId is required to send to a person")
        case (_?, _, _):
            throw BindingError(call.name, "give threadId, or accountLinkId and a person, not both")
        case (nil, nil, nil):
            throw BindingError(call.name, "give threadId, or accountLinkId and a person")
        }
        return SendRequest(
            target: target, content: content, replyToMessageId: call.string("replyToMessageId"),
            idempotencyKey: call.string("idempotencyKey"))
    }

    /// What a dry-run send answers: the message it would have sent, in the thread it would
    /// have gone into (looked up when it exists).
    private static func sendPlaceholder(_ call: BindingCall, _ request: SendRequest) throws
        -> JSONValue
    {
        let step = call.session.gate.nextStep
        var thread: JSONValue = .object(["id": .string("dry-run-thread-\(step)")])
        switch request.target {
        case .thread(let id): thread = .object(["id": .string(id)])
        case .person(let account, let person):
            if let found = try call.read({
                try $0.findThread(accountLinkId: account, person: person)
            }) {
                thread = found.json
            }
        }
        let message: JSONValue = .object([
            "id": .string("dry-run-message-\(step)"), "threadId": thread["id"] ?? .null,
            "direction": "outbound", "content": .string(request.content),
        ])
        return .object(["message": message, "thread": thread])
    }

    private static func messageChange(
        _ name: String, _ signature: String, _ summary: String, key: BindingKey,
        perform: @escaping (any Inbox, MessageRef, BindingCall) throws -> JSONValue
    ) -> Binding {
        Binding(
            name, signature, summary, shape: .idAndTable("message id"),
            keys: [key, BindingKey("threadId", .id)], writes: true
        ) { call in
            let ref = MessageRef(
                messageId: try call.requiredId(), threadId: call.string("threadId"))
            return try call.write(targets: [ref.messageId]) {
                .object(["success": true, "messageId": .string(ref.messageId)])
            } perform: { inbox in
                try perform(inbox, ref, call)
            }
        }
    }
}
