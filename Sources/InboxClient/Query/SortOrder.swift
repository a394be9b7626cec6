/// Newest first or oldest first.
public enum SortOrder: String, Sendable, Hashable, Codable {
    /// Newest first, the APIs' default.
    case desc
    /// Oldest first.
    case asc
}
