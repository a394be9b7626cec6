import InboxClient

extension InboxClients {
    /// A v1 or v2 client (per `configuration.version`) over a `URLSessionTransport`, for
    /// `http://` (the emulator, a proxy) and `https://` (the live API) alike.
    public static func overNetwork(
        _ configuration: InboxConfiguration, cancellation: CancellationToken = CancellationToken()
    ) -> any Inbox {
        make(configuration, transport: URLSessionTransport(), cancellation: cancellation)
    }
}
