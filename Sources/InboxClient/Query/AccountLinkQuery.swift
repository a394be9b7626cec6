/// Filters for listing account links.
///
/// v2 filters on the server; v1 returns every link in one array and the client filters it.
public struct AccountLinkQuery: Sendable, Hashable {
    /// Keep links with any of these statuses (`active`, `offline`, `paused`); empty for all.
    public var statuses: [String]
    /// Keep links on any of these platforms; empty for all.
    public var platforms: [String]
    /// Page size (v2, 1–100); nil for the API's default.
    public var limit: Int?

    /// A query; empty filters keep everything.
    public init(statuses: [String] = [], platforms: [String] = [], limit: Int? = nil) {
        self.statuses = statuses
        self.platforms = platforms
        self.limit = limit
    }
}
