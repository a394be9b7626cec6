import InboxClient
import LuaKit

extension Binding {
    /// Tags and statuses: list, create, rename or recolour, delete.
    static var labelBindings: [Binding] {
        labels(
            "tags", "tag", list: { try $0.tags().map(\.json) },
            create: { try $0.createTag($1).json }, update: { try $0.updateTag(id: $1, $2).json },
            delete: { try $0.deleteTag(id: $1) })
            + labels(
                "statuses", "status", list: { try $0.statuses().map(\.json) },
                create: { try $0.createStatus($1).json },
                update: { try $0.updateStatus(id: $1, $2).json },
                delete: { try $0.deleteStatus(id: $1) })
    }

    private static func labels(
        _ plural: String, _ singular: String, list: @escaping (any Inbox) throws -> [JSONValue],
        create: @escaping (any Inbox, LabelChange) throws -> JSONValue,
        update: @escaping (any Inbox, String, LabelChange) throws -> JSONValue,
        delete: @escaping (any Inbox, String) throws -> Void
    ) -> [Binding] {
        let keys = [BindingKey("name", .string), BindingKey("color", .nullableString)]
        let prefix = "inbox.\(plural)"
        return [
            Binding("\(prefix).list", "\(prefix).list()", "Every \(singular) of the team.") {
                call in [.array(try call.read(list))]
            },
            Binding(
                "\(prefix).create", "\(prefix).create{name =, color =}",
                "Creates a \(singular); color is a palette name or a hex code.",
                shape: .table,
                keys: [BindingKey("name", .string, required: true), keys[1]], writes: true
            ) { call in
                let change = LabelChange(name: call.string("name"), color: call.update("color"))
                return try call.write(targets: []) {
                    .object([
                        "id": .string("dry-run-\(singular)-\(call.session.gate.nextStep)"),
                        "name": .string(change.name ?? ""), "color": call.values["color"] ?? .null,
                    ])
                } perform: { inbox in
                    try create(inbox, change)
                }
            },
            Binding(
                "\(prefix).update", "\(prefix).update(id, {name =, color =})",
                "Renames or recolours a \(singular).", shape: .idAndTable("\(singular) id"),
                keys: keys, writes: true
            ) { call in
                let id = try call.requiredId()
                let change = LabelChange(name: call.string("name"), color: call.update("color"))
                return try call.write(targets: [id]) {
                    var object = JSONObject(call.values.map { ($0.key, $0.value) })
                    object["id"] = .string(id)
                    return .object(object)
                } perform: { inbox in
                    try update(inbox, id, change)
                }
            },
            Binding(
                "\(prefix).delete", "\(prefix).delete(id)",
                "Deletes a \(singular)\(singular == "tag" ? ", removing it from everyone" : "").",
                shape: .id("\(singular) id"), writes: true
            ) { call in
                let id = try call.requiredId()
                return try call.write(targets: [id]) {
                    .bool(true)
                } perform: { inbox in
                    try delete(inbox, id)
                    return .bool(true)
                }
            },
        ]
    }
}
