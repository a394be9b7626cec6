extension InboxV2Client {
    private var tagEndpoints: LabelEndpoints<Tag> {
        LabelEndpoints(
            engine: engine, collection: "tags", noun: "Tag", colorNullable: false,
            read: Tag.init(json:))
    }

    private var statusEndpoints: LabelEndpoints<Status> {
        LabelEndpoints(
            engine: engine, collection: "statuses", noun: "Status",
            colorNullable: true, read: Status.init(json:))
    }

    /// `GET /tags`, every page.
    public func tags() throws -> [Tag] {
        try everything(APICall("tags", "GET", "/tags"), Tag.init(json:))
    }

    /// `POST /tags` `{name, color?}`.
    public func createTag(_ change: LabelChange) throws -> Tag {
        try tagEndpoints.create(change)
    }

    /// `PATCH /tags/{tagRef}` `{name?, color?}`; a tag's colour cannot be cleared.
    public func updateTag(id: String, _ change: LabelChange) throws -> Tag {
        try tagEndpoints.update(id: id, change)
    }

    /// `DELETE /tags/{tagRef}` (204).
    public func deleteTag(id: String) throws {
        try tagEndpoints.delete(id: id)
    }

    /// `GET /statuses`, every page.
    public func statuses() throws -> [Status] {
        try everything(APICall("statuses", "GET", "/statuses"), Status.init(json:))
    }

    /// `POST /statuses` `{name, color?}`.
    public func createStatus(_ change: LabelChange) throws -> Status {
        try statusEndpoints.create(change)
    }

    /// `PATCH /statuses/{statusRef}` `{name?, color?}`.
    public func updateStatus(id: String, _ change: LabelChange) throws -> Status {
        try statusEndpoints.update(id: id, change)
    }

    /// `DELETE /statuses/{statusRef}` (204).
    public func deleteStatus(id: String) throws {
        try statusEndpoints.delete(id: id)
    }
}
