/// The create, update and delete calls of tags or statuses, the same in both versions
/// apart from the collection's path and whether a colour may be cleared.
struct LabelEndpoints<Label> {
    let engine: HTTPEngine
    /// `tags` or `statuses`.
    let collection: String
    /// `Tag` or `Status`, for operation names.
    let noun: String
    /// Whether `color` may be `null`.
    let colorNullable: Bool
    let read: (JSONValue) throws -> Label

    /// `POST /{collection}` `{name, color?}`.
    func create(_ change: LabelChange) throws -> Label {
        let operation = "create" + noun
        let body = try labelBody(change, operation: operation, creating: true)
        return try engine.decode(APICall(operation, "POST", "/" + collection, body: body), read)
    }

    /// `PATCH /{collection}/{id}` `{name?, color?}`.
    func update(id: String, _ change: LabelChange) throws -> Label {
        let operation = "update" + noun
        let body = try labelBody(change, operation: operation, creating: false)
        let call = APICall(operation, "PATCH", path(collection, id), body: body)
        return try engine.decode(call, read)
    }

    /// `DELETE /{collection}/{id}`, answered with 204 or an empty body.
    func delete(id: String) throws {
        _ = try engine.perhapsEmpty(APICall("delete" + noun, "DELETE", path(collection, id)))
    }

    private func labelBody(_ change: LabelChange, operation: String, creating: Bool) throws
        -> JSONValue
    {
        if creating, change.name == nil {
            throw InboxError.invalidArgument(operation, "a name is required")
        }
        var body = JSONObject()
        body["name"] = change.name.map(JSONValue.string)
        switch change.color {
        case .set(let color)?: body["color"] = .string(color)
        case .clear?:
            guard colorNullable else {
                throw InboxError.invalidArgument(
                    operation,
                    "a \(noun.lowercased())'s color cannot be cleared")
            }
            body["color"] = .null
        case nil: break
        }
        return .object(body)
    }
}
