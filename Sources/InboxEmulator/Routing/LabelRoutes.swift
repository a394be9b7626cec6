import InboxClient

/// Updating and deleting tags and statuses, the same in both versions
/// except for the encoding and v2's 204 on delete.
enum LabelRoutes {
    static func updateTag(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        let name = fields.string("name", minLength: 1, maxLength: 255)
        var color: String?
        switch fields.nullableString("color") {
        case .set(let value?): color = value
        case .set(nil) where context.version == .v2:
            throw APIProblem.invalid(["color"], "Expected a string")
        default: break
        }
        try fields.finish()
        let reference = context.parameter(context.version == .v1 ? "tagId" : "tagRef")
        let tag = try context.write { try $0.updateTag(reference, name: name, color: color) }
        return .ok(context.version == .v1 ? V1Encoding.tag(tag) : V2Encoding.tag(tag))
    }

    static func deleteTag(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        try fields.finish()
        let reference = context.parameter(context.version == .v1 ? "tagId" : "tagRef")
        try context.write { try $0.deleteTag(reference) }
        return context.version == .v1 ? RouteReply(status: 200, body: nil) : .noContent
    }

    static func updateStatus(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        let name = fields.string("name", minLength: 1, maxLength: 255)
        let color = fields.nullableString("color")
        try fields.finish()
        let reference = context.parameter(context.version == .v1 ? "statusId" : "statusRef")
        let status = try context.write { try $0.updateStatus(reference, name: name, color: color) }
        return .ok(context.version == .v1 ? V1Encoding.status(status) : V2Encoding.status(status))
    }

    static func deleteStatus(_ context: inout RouteContext) throws -> RouteReply {
        var fields = context.fields
        try fields.finish()
        let reference = context.parameter(context.version == .v1 ? "statusId" : "statusRef")
        try context.write { try $0.deleteStatus(reference) }
        return context.version == .v1 ? RouteReply(status: 200, body: nil) : .noContent
    }
}
