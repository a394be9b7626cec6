/// Builds the client the configuration asks for.
public enum InboxClients {
    /// A v1 or v2 client (per `configuration.version`) over `transport`.
    public static func make(
        _ configuration: InboxConfiguration, transport: any HTTPTransport,
        cancellation: CancellationToken = CancellationToken()
    ) -> any Inbox {
        switch configuration.version {
        case .v1:
            return InboxV1Client(
                configuration: configuration, transport: transport,
                cancellation: cancellation)
        case .v2:
            return InboxV2Client(
                configuration: configuration, transport: transport,
                cancellation: cancellation)
        }
    }
}
