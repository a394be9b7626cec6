import InboxClient

extension InboxClients {
    /// A v1 or v2 client (per `configuration.version`) over `StandardTransport`: plain
    /// HTTP for `http://` base URLs, URLSession for `https://`.
    public static func overNetwork(
        _ configuration: InboxConfiguration, cancellation: CancellationToken = CancellationToken()
    ) -> any Inbox {
        make(configuration, transport: StandardTransport(), cancellation: cancellation)
    }
}
