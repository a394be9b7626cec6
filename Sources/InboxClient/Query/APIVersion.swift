/// The wire version a client speaks.
public enum APIVersion: String, Sendable, Hashable, Codable, CaseIterable {
    /// `/api/v1`: X only, prospects, quick send.
    case v1
    /// `/api/v2`: platforms, contacts and profiles, idempotent sends. The default.
    case v2
}
