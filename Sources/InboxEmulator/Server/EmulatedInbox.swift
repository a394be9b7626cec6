import InboxClient

/// The emulator as an `Inbox`, in process: the real v2 (or v1) client over an
/// ``InProcessTransport``, so every rule lives once, in the router.
public enum EmulatedInbox {
    /// The token the in-process router and client share; it never leaves the process.
    static let token = "ibt_in_process"

    /// An `Inbox` backed by `store`.
    ///
    /// - Parameters:
    ///   - version: which wire version the client speaks to the router (v2 by default).
    ///   - rateLimits: quotas the emulator enforces; nil (the default) enforces none.
    ///   - observer: called with every exchange, for conformance recording.
    public static func open(
        store: EmulatorStore, version: APIVersion = .v2, rateLimits: RateLimits? = nil,
        observer: (@Sendable (EmulatorExchange) -> Void)? = nil,
        cancellation: CancellationToken = CancellationToken()
    ) -> any Inbox {
        let router = EmulatorRouter(
            store: store, token: token, rateLimits: rateLimits, observer: observer)
        // The client's own pacing would only slow a local call down; the
        // router enforces quotas when asked to.
        let configuration = InboxConfiguration(
            version: version, baseURL: "http://emulator.invalid/api/\(version.rawValue)",
            token: token, rateLimits: [])
        return InboxClients.make(
            configuration, transport: InProcessTransport(router: router),
            cancellation: cancellation)
    }
}
