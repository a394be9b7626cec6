extension InboxV1Client {
    /// `GET /tags`.
    public func tags() throws -> [Tag] {
        try list(APICall("tags", "GET", "/tags"), Tag.init(json:))
    }

    /// `POST /tags` `{name, color?}`.
    public func createTag(_ change: LabelChange) throws -> Tag {
        let body = try labelBody(change, operation: "createTag", creating: true, nullable: true)
        return try engine.decode(
            APICall("createTag", "POST", "/tags", body: body),
            Tag.init(json:))
    }

    /// `PATCH /tags/{tagId}` `{name?, color?}`.
    public func updateTag(id: String, _ change: LabelChange) throws -> Tag {
        let body = try labelBody(
            change, operation: "updateTag", creating: false,
            nullable: true)
        return try engine.decode(
            APICall("updateTag", "PATCH", path("tags", id), body: body),
            Tag.init(json:))
    }

    /// `DELETE /tags/{tagId}`.
    public func deleteTag(id: String) throws {
        _ = try engine.perhapsEmpty(APICall("deleteTag", "DELETE", path("tags", id)))
    }

    /// `GET /statuses`.
    public func statuses() throws -> [Status] {
        try list(APICall("statuses", "GET", "/statuses"), Status.init(json:))
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

    /// `PATCH /statuses/{statusId}` `{name?, color?}`.
    public func updateStatus(id: String, _ change: LabelChange) throws -> Status {
        let body = try labelBody(
            change, operation: "updateStatus", creating: false,
            nullable: true)
        let call = APICall("updateStatus", "PATCH", path("statuses", id), body: body)
        return try engine.decode(call, Status.init(json:))
    }

    /// `DELETE /statuses/{statusId}`.
    public func deleteStatus(id: String) throws {
        _ = try engine.perhapsEmpty(APICall("deleteStatus", "DELETE", path("statuses", id)))
    }
}
