/// Changes to a person (v1 prospect context, v2 contact); nil fields are left unchanged.
public struct PersonUpdate: Sendable, Hashable {
    /// The status (v1: id; v2: id or name), or clear it.
    public var status: FieldUpdate<String>?
    /// The notes, or clear them.
    public var notes: FieldUpdate<String>?
    /// The valuation in the team's currency, or clear it.
    public var valuation: FieldUpdate<Double>?
    /// Tags to add (v1: ids; v2: ids or names).
    public var addTags: [String]
    /// Tags to remove (v1: ids; v2: ids or names).
    public var removeTags: [String]
    /// The assignee (v1: applied to every thread with the person; v2: the contact's
    /// default assignee), or clear it.
    public var assigneeId: FieldUpdate<String>?

    /// An update; nil or empty leaves a field as it is.
    public init(
        status: FieldUpdate<String>? = nil, notes: FieldUpdate<String>? = nil,
        valuation: FieldUpdate<Double>? = nil, addTags: [String] = [],
        removeTags: [String] = [], assigneeId: FieldUpdate<String>? = nil
    ) {
        self.status = status
        self.notes = notes
        self.valuation = valuation
        self.addTags = addTags
        self.removeTags = removeTags
        self.assigneeId = assigneeId
    }
}
