extension InboxV1Client {
    private var tagEndpoints: LabelEndpoints<Tag> {
        LabelEndpoints(
            engine: engine, collection: "tags", noun: "Tag", colorNullable: true,
            read: Tag.init(json:))
    }

    private var statusEndpoints: LabelEndpoints<Status> {
        LabelEndpoints(
            engine: engine, collection: "statuses", noun: "Status",
            colorNullable: true, read: Status.init(json:))
    }

    /// `GET /tags` (a flat array).
    public func tags() throws -> [Tag] {
        try list(APICall("tags", "GET", "/tags"), Tag.init(json:))
    }

    /// `POST /tags` `{name, color?}`.
    public func createTag(_ change: LabelChange) throws -> Tag {
        try tagEndpoints.create(change)
    }

    /// `PATCH /tags/{tagId}` `{name?, color?}`.
    public func updateTag(id: String, _ change: LabelChange) throws -> Tag {
        try tagEndpoints.update(id: id, change)
    }

    /// `DELETE /tags/{tagId}`.
    public func deleteTag(id: String) throws {
        try tagEndpoints.delete(id: id)
    }

    /// `GET /statuses` (a flat array).
    public func statuses() throws -> [Status] {
        try list(APICall("statuses", "GET", "/statuses"), Status.init(json:))
    }

    /// `POST /statuses` `{name, color?}`.
    public func createStatus(_ change: LabelChange) throws -> Status {
        try statusEndpoints.create(change)
    }

    /// `PATCH /statuses/{statusId}` `{name?, color?}`.
    public func updateStatus(id: String, _ change: LabelChange) throws -> Status {
        try statusEndpoints.update(id: id, change)
    }

    /// `DELETE /statuses/{statusId}`.
    public func deleteStatus(id: String) throws {
        try statusEndpoints.delete(id: id)
    }
}
