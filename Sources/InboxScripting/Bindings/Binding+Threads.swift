import InboxClient
import LuaKit

extension Binding {
    /// Listing, iterating, finding, opening and changing threads.
    static var threadBindings: [Binding] {
        [
            Binding(
                "inbox.threads",
                "inbox.threads{folder =, accountLinkId =, ...}: "
                    + "for thread in inbox.threads{...} do",
                "Walks the threads matching the filters lazily, page after page.",
                shape: .callableTable, keys: threadQueryKeys
            ) { call in
                let paging = try call.read { $0.allThreads(try threadQuery(call)) }
                var left = call.integer("max") ?? Int.max
                let next = try call.arguments.state.function(named: "inbox.threads") { _ in
                    guard left > 0 else { return [.nil] }
                    do {
                        guard let thread = try paging.next() else { return [.nil] }
                        left -= 1
                        return [LuaValue(json: thread.json)]
                    } catch {
                        throw call.failure(error)
                    }
                }
                return [next]
            },
            Binding(
                "inbox.threads.list", "inbox.threads.list{folder =, accountLinkId =, ...}",
                "Every thread matching the filters (all pages; `max` stops early), as a list.",
                shape: .table, keys: threadQueryKeys
            ) { call in
                let threads = try call.read { inbox in
                    try inbox.allThreads(try threadQuery(call)).collect(limit: call.integer("max"))
                }
                return [.array(threads.map(\.json))]
            },
            Binding(
                "inbox.threads.get", "inbox.threads.get(id)", "One thread by its Inbox id.",
                shape: .id("thread id")
            ) { call in
                [LuaValue(json: try call.read { try $0.thread(id: call.requiredId()) }.json)]
            },
            Binding(
                "inbox.threads.lookup",
                "inbox.threads.lookup{accountLinkId =, platformId = | contactId = | username =}",
                "The thread between one account link and one person, or nil when there is none.",
                shape: .table,
                keys: [BindingKey("accountLinkId", .accountLinkId, required: true)] + personKeys
            ) { call in
                let person = try personRef(call, required: true)!
                let account = try call.required("accountLinkId")
                let thread = try call.read {
                    try $0.findThread(accountLinkId: account, person: person)
                }
                return [thread.map { LuaValue(json: $0.json) } ?? .nil]
            },
            Binding(
                "inbox.threads.find", "inbox.threads.find{username =, accountLinkId =}",
                "Every thread with the person of this username, across all account links "
                    + "unless accountLinkId narrows them.",
                shape: .table,
                keys: [
                    BindingKey("username", .string, required: true),
                    BindingKey("accountLinkId", .accountLinkIds, aliases: ["accountLinkIds"]),
                ]
            ) { call in
                let username = try call.required("username")
                let threads = try call.read { inbox in
                    try inbox.threads(
                        username: username.hasPrefix("@") ? String(username.dropFirst()) : username,
                        accountLinkIds: call.list("accountLinkId"))
                }
                return [.array(threads.map(\.json))]
            },
            Binding(
                "inbox.threads.create",
                "inbox.threads.create{accountLinkId =, platformId = | contactId =}",
                "Opens an active thread with a person (v1 only; in v2 a send opens it).",
                shape: .table,
                keys: [BindingKey("accountLinkId", .accountLinkId, required: true)] + personKeys,
                writes: true
            ) { call in
                let person = try personRef(call, required: true)!
                let account = try call.required("accountLinkId")
                return try call.write(targets: [account]) {
                    let id = "dry-run-thread-\(call.session.gate.nextStep)"
                    return .object(["id": .string(id), "accountLinkId": .string(account)])
                } perform: { inbox in
                    try inbox.createThread(accountLinkId: account, person: person).json
                }
            },
            Binding(
                "inbox.threads.update",
                "inbox.threads.update(id, {archived =, assigneeId =, unread =})",
                "Archives (v1: marks done), assigns (json.null unassigns) "
                    + "or marks a thread unread.",
                shape: .idAndTable("thread id"),
                keys: [
                    BindingKey("archived", .boolean, aliases: ["done"]),
                    BindingKey("assigneeId", .nullableString),
                    BindingKey("unread", .boolean),
                ],
                writes: true
            ) { call in
                let id = try call.requiredId()
                let update = ThreadUpdate(
                    archived: call.bool("archived"), assigneeId: call.update("assigneeId"),
                    unread: call.bool("unread"))
                return try call.write(targets: [id]) {
                    try call.read { inbox in
                        preview(try inbox.thread(id: id).json, call.values, renaming: inbox.version)
                    }
                } perform: { inbox in
                    try inbox.updateThread(id: id, update).json
                }
            },
        ]
    }

    // MARK: - Shared keys and readers

    static let threadQueryKeys = [
        BindingKey("accountLinkId", .accountLinkIds, aliases: ["accountLinkIds"]),
        BindingKey("folder", .string, aliases: ["inbox"]),
        BindingKey("tag", .ids, aliases: ["tags", "tagIds"]),
        BindingKey("status", .ids, aliases: ["statuses", "statusIds"]),
        BindingKey("assigneeId", .ids, aliases: ["assigneeIds"]),
        BindingKey("unassigned", .boolean, aliases: ["noAssignee"]),
        BindingKey("noTags", .boolean),
        BindingKey("noStatus", .boolean),
        BindingKey("campaignId", .ids, aliases: ["campaignIds"]),
        BindingKey("noCampaign", .boolean),
        BindingKey("contactId", .ids, aliases: ["contactIds"]),
        BindingKey("platform", .ids, aliases: ["platforms"]),
        BindingKey("q", .string, aliases: ["search"]),
        BindingKey("order", .string, aliases: ["sortOrder"]),
        BindingKey("limit", .integer),
        BindingKey("max", .integer),
    ]

    static func threadQuery(_ call: BindingCall) throws -> ThreadQuery {
        ThreadQuery(
            accountLinkIds: call.list("accountLinkId"), folder: try folder(call),
            tags: call.list("tag"), noTags: call.bool("noTags") ?? false,
            statuses: call.list("status"), noStatus: call.bool("noStatus") ?? false,
            assigneeIds: call.list("assigneeId"), unassigned: call.bool("unassigned") ?? false,
            campaignIds: call.list("campaignId"), noCampaign: call.bool("noCampaign") ?? false,
            contactIds: call.list("contactId"), platforms: call.list("platform"),
            search: call.string("q"), order: try order(call), limit: call.integer("limit"))
    }

    private static func folder(_ call: BindingCall) throws -> ThreadFolder? {
        guard let text = call.string("folder") else { return nil }
        let spellings: [String: ThreadFolder] = ["default": .inbox, "no-reply": .noReply]
        guard let folder = ThreadFolder(rawValue: text) ?? spellings[text] else {
            throw BindingError(
                call.name,
                "folder \"\(text)\" is not one of inbox, noReply, requests, archived, all "
                    + "(v1: default, no-reply)")
        }
        return folder
    }

    private static func order(_ call: BindingCall) throws -> SortOrder? {
        guard let text = call.string("order") else { return nil }
        guard let order = SortOrder(rawValue: text) else {
            throw BindingError(call.name, "order \"\(text)\" is not asc or desc")
        }
        return order
    }

    /// `thread` with the update's fields applied, as a dry run's stand-in for the answer.
    static func preview(
        _ thread: JSONValue, _ values: [String: JSONValue], renaming version: APIVersion
    ) -> JSONValue {
        guard var object = thread.objectValue else { return thread }
        for (key, value) in values {
            let wire = key == "archived" && version == .v1 ? "done" : key
            object[wire] = value
        }
        return .object(object)
    }
}
