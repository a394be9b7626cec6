extension InboxV2Client {
    /// `GET /tags`, every page.
    public func tags() throws -> [Tag] {
        try everything(APICall("tags", "GET", "/tags"), Tag.init(json:))
    }

    /// `POST /tags` `{name, color?}`.
    public func createTag(_ change: LabelChange) throws -> Tag {
        let body = try labelBody(change, operation: "createTag", creating: true, nullable: false)
        return try engine.decode(
            APICall("createTag", "POST", "/tags", body: body),
            Tag.init(json:))
    }

    /// `PATCH /tags/{tagRef}` `{name?, color?}`.
    public func updateTag(id: String, _ change: LabelChange) throws -> Tag {
        let body = try labelBody(
            change, operation: "updateTag", creating: false,
            nullable: false)
        return try engine.decode(
            APICall("updateTag", "PATCH", path("tags", id), body: body),
            Tag.init(json:))
    }

    /// `DELETE /tags/{tagRef}` (204).
    public func deleteTag(id: String) throws {
        _ = try engine.perhapsEmpty(APICall("deleteTag", "DELETE", path("tags", id)))
    }

    /// `GET /statuses`, every page.
    public func statuses() throws -> [Status] {
        try everything(APICall("statuses", "GET", "/statuses"), Status.init(json:))
    }

    /// `POST /statuses` `{name, color?}`.
    public func createStatus(_ change: LabelChange) throws -> Status {
        let body = try labelBody(
            change, operation: "createStatus", creating: true,
            nullable: true)
        return try engine.decode(
            APICall("createStatus", "POST", "/statuses", body: body),
            Status.init(json:))
    }

    /// `PATCH /statuses/{statusRef}` `{name?, color?}`.
    public func updateStatus(id: String, _ change: LabelChange) throws -> Status {
        let body = try labelBody(
            change, operation: "updateStatus", creating: false,
            nullable: true)
        let call = APICall("updateStatus", "PATCH", path("statuses", id), body: body)
        return try engine.decode(call, Status.init(json:))
    }

    /// `DELETE /statuses/{statusRef}` (204).
    public func deleteStatus(id: String) throws {
        _ = try engine.perhapsEmpty(APICall("deleteStatus", "DELETE", path("statuses", id)))
    }
}

/// The `{name, color}` body of a tag or status create or update.
func labelBody(_ change: LabelChange, operation: String, creating: Bool, nullable: Bool)
    throws -> JSONValue
{
    if creating, change.name == nil {
        throw InboxError.invalidArgument(operation, "a name is required")
    }
    var body = JSONObject()
    body["name"] = change.name.map(JSONValue.string)
    switch change.color {
    case .set(let color)?: body["color"] = .string(color)
    case .clear?:
        guard nullable else {
            throw InboxError.invalidArgument(operation, "a tag's color cannot be cleared")
        }
        body["color"] = .null
    case nil: break
    }
    return .object(body)
}
