/// Changes to one thread; nil fields are left unchanged.
public struct ThreadUpdate: Sendable, Hashable {
    /// Archive (v1: mark done) or unarchive.
    public var archived: Bool?
    /// Assign to a member, or clear the thread's own assignee.
    public var assigneeId: FieldUpdate<String>?
    /// Mark read or unread (v2 only).
    public var unread: Bool?

    /// An update; nil leaves a field as it is.
    public init(
        archived: Bool? = nil, assigneeId: FieldUpdate<String>? = nil, unread: Bool? = nil
    ) {
        self.archived = archived
        self.assigneeId = assigneeId
        self.unread = unread
    }
}
