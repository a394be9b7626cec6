/// Which part of the inbox to list (v1 `inbox` view, v2 `folder`).
public enum ThreadFolder: String, Sendable, Hashable, Codable, CaseIterable {
    /// Active threads, neither archived nor requests (v1 `default`, v2 `inbox`).
    case inbox
    /// Threads awaiting a reply (v1 `no-reply`, v2 `noReply`).
    case noReply
    /// Message requests.
    case requests
    /// Archived ("done") threads.
    case archived
    /// Every thread (v2 only).
    case all
}
