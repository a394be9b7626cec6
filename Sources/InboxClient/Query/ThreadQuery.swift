/// Filters for listing threads. Groups combine with AND; values within a group with OR.
///
/// A filter the configured API version lacks makes the call throw rather than be ignored.
public struct ThreadQuery: Sendable, Hashable {
    /// Threads of these account links; empty for all.
    public var accountLinkIds: [String]
    /// The folder; nil for the API's default (the inbox).
    public var folder: ThreadFolder?
    /// The person has any of these tags (v1: ids; v2: ids or names).
    public var tags: [String]
    /// Only people without tags (v1 only).
    public var noTags: Bool
    /// The person's status is any of these (v1: ids; v2: ids or names).
    public var statuses: [String]
    /// Only people without a status (v1 only).
    public var noStatus: Bool
    /// The assignee is any of these members.
    public var assigneeIds: [String]
    /// Only threads without an assignee.
    public var unassigned: Bool
    /// Threads these campaigns messaged.
    public var campaignIds: [String]
    /// Only threads no campaign messaged (v1 only).
    public var noCampaign: Bool
    /// Threads with these contacts (v2 only).
    public var contactIds: [String]
    /// Threads on these platforms (v2 only).
    public var platforms: [String]
    /// Search text over names, usernames and previews (v2 only).
    public var search: String?
    /// Sort direction; nil for the API's default (newest first).
    public var order: SortOrder?
    /// Page size (1–100); nil for the API's default.
    public var limit: Int?
    /// Related objects to embed in each thread: `profile`, `contact`, `accountLink`,
    /// `assignee` (v2 only).
    public var expand: [String]

    /// A query; every filter defaults to "no filter".
    public init(
        accountLinkIds: [String] = [], folder: ThreadFolder? = nil, tags: [String] = [],
        noTags: Bool = false, statuses: [String] = [], noStatus: Bool = false,
        assigneeIds: [String] = [], unassigned: Bool = false, campaignIds: [String] = [],
        noCampaign: Bool = false, contactIds: [String] = [], platforms: [String] = [],
        search: String? = nil, order: SortOrder? = nil, limit: Int? = nil,
        expand: [String] = []
    ) {
        self.expand = expand
        self.accountLinkIds = accountLinkIds
        self.folder = folder
        self.tags = tags
        self.noTags = noTags
        self.statuses = statuses
        self.noStatus = noStatus
        self.assigneeIds = assigneeIds
        self.unassigned = unassigned
        self.campaignIds = campaignIds
        self.noCampaign = noCampaign
        self.contactIds = contactIds
        self.platforms = platforms
        self.search = search
        self.order = order
        self.limit = limit
    }
}
