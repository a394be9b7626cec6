/// Options for listing a thread's messages.
public struct MessageQuery: Sendable, Hashable {
    /// Sort direction by creation (v2 only; v1 lists newest first).
    public var order: SortOrder?
    /// Page size (1–100); nil for the API's default.
    public var limit: Int?

    /// Options; nil means the API's default.
    public init(order: SortOrder? = nil, limit: Int? = nil) {
        self.order = order
        self.limit = limit
    }
}
