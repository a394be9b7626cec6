import InboxClient
import LuaKit

extension Binding {
    /// Looking people up (v1 prospects, v2 contacts) and changing them.
    static var peopleBindings: [Binding] {
        [
            Binding(
                "inbox.people.lookup",
                "inbox.people.lookup{platformId = | contactId = | username =, platform =}",
                "The person (v2 contact, v1 prospect) with this id or username, or nil.",
                shape: .table, keys: personKeys
            ) { call in
                let person = try personRef(call, required: true)!
                let found = try call.read { try $0.findPerson(person) }
                return [found.map { LuaValue(json: $0.json) } ?? .nil]
            },
            Binding(
                "inbox.people.get", "inbox.people.get(id)",
                "The person with this Inbox id (v2 contact id, v1 prospect externalId), or nil.",
                shape: .id("person id")
            ) { call in
                let id = try call.requiredId()
                let found = try call.read { try $0.findPerson(.externalId(id)) }
                return [found.map { LuaValue(json: $0.json) } ?? .nil]
            },
            Binding(
                "inbox.people.update",
                "inbox.people.update(id, {statusId =, notes =, valuation =, addTags =, "
                    + "removeTags =, assigneeId =})",
                "Changes a person's status, notes, valuation, tags or default assignee "
                    + "(json.null clears).",
                shape: .idAndTable("person id"), keys: personUpdateKeys, writes: true
            ) { call in
                let id = try call.requiredId()
                return try updatePerson(call, id: id, personUpdate(call))
            },
            tagging("tag", "Adds tags (ids, or names in v2) to a person.", alias: "addTags") {
                PersonUpdate(addTags: $0)
            },
            tagging(
                "untag", "Removes tags (ids, or names in v2) from a person.", alias: "removeTags"
            ) {
                PersonUpdate(removeTags: $0)
            },
        ]
    }

    // MARK: - Shared keys and readers

    /// The ways a call names a person.
    static let personKeys = [
        BindingKey("platformId", .platformId, aliases: ["externalPlatformId"]),
        BindingKey("contactId", .id, aliases: ["externalId", "prospectId"]),
        BindingKey("username", .string),
        BindingKey("platform", .string),
    ]

    static let personUpdateKeys = [
        BindingKey("statusId", .nullableString, aliases: ["status"]),
        BindingKey("notes", .nullableString),
        BindingKey("valuation", .nullableNumber),
        BindingKey("addTags", .ids),
        BindingKey("removeTags", .ids),
        BindingKey("assigneeId", .nullableString),
    ]

    /// The person the call names, or nil when it names none (an error when `required`).
    static func personRef(_ call: BindingCall, required: Bool) throws -> PersonRef? {
        let platform = call.string("platform") ?? "twitter"
        var refs: [PersonRef] = []
        if let id = call.string("platformId") { refs.append(.platformId(id, platform: platform)) }
        if let id = call.string("contactId") { refs.append(.externalId(id)) }
        if let name = call.string("username") {
            let bare = name.hasPrefix("@") ? String(name.dropFirst()) : name
            refs.append(.username(bare, platform: platform))
        }
        guard refs.count <= 1 else {
            throw BindingError(
                call.name, "give one of platformId, contactId, username, not several")
        }
        if required && refs.isEmpty {
            throw BindingError(call.name, "name the person with platformId, contactId or username")
        }
        return refs.first
    }

    static func personUpdate(_ call: BindingCall) -> PersonUpdate {
        PersonUpdate(
            status: call.update("statusId"), notes: call.update("notes"),
            valuation: call.numberUpdate("valuation"), addTags: call.list("addTags"),
            removeTags: call.list("removeTags"), assigneeId: call.update("assigneeId"))
    }

    private static func tagging(
        _ verb: String, _ summary: String, alias: String,
        _ update: @escaping ([String]) -> PersonUpdate
    ) -> Binding {
        Binding(
            "inbox.people.\(verb)", "inbox.people.\(verb)(id, {tag =})", summary,
            shape: .idAndTable("person id"),
            keys: [BindingKey("tag", .ids, aliases: ["tags", alias], required: true)],
            writes: true
        ) { call in
            try updatePerson(call, id: try call.requiredId(), update(call.list("tag")))
        }
    }

    private static func updatePerson(_ call: BindingCall, id: String, _ update: PersonUpdate)
        throws -> [LuaValue]
    {
        try call.write(targets: [id]) {
            try call.read { inbox in
                try inbox.findPerson(.externalId(id))?.json ?? .object(["id": .string(id)])
            }
        } perform: { inbox in
            try inbox.updatePerson(id: id, update).json
        }
    }
}
