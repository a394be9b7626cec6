import InboxClient
import InboxEmulator

/// Where the `inbox` module's calls go: the local emulator, the live API, or any `Inbox`.
///
/// A backend is only a recipe: nothing is opened until a script first uses `inbox`, so a
/// script that never touches it pays nothing (see ``ScriptHost/openInbox()``).
public struct ScriptBackend: Sendable, CustomStringConvertible {
    /// What the backend is, for the one-time notice: `the local emulator (PATH)`.
    public let description: String

    /// True for the local emulator, which the command line announces on stderr.
    public let isEmulator: Bool

    private let open: @Sendable () throws -> any Inbox

    /// A backend opened by `open` on first use.
    public init(
        description: String, isEmulator: Bool = false,
        open: @escaping @Sendable () throws -> any Inbox
    ) {
        self.description = description
        self.isEmulator = isEmulator
        self.open = open
    }

    /// Opens the backend now. A host calls this once, on the first use of `inbox`; a wrapper
    /// backend may call it from its own `open` to add work (a notice, a folder).
    public func openInbox() throws -> any Inbox {
        try open()
    }

    /// The emulator team kept at `path` (a SQLite file, created and seeded when new, its
    /// folder too), or a private in-memory team for `:memory:`, called in process through
    /// the client of `version`, so scripts see exactly the wire shapes of that API version.
    public static func emulator(path: String, version: InboxClient.APIVersion = .v2)
        -> ScriptBackend
    {
        ScriptBackend(description: "the local emulator (\(path))", isEmulator: true) {
            try EmulatorInbox.open(path: path, version: version)
        }
    }

    /// The live API (or any server speaking it) through `transport`, which the caller
    /// chooses so that this library does not link networking by itself.
    public static func live(
        _ configuration: InboxConfiguration,
        cancellation: CancellationToken = CancellationToken(),
        transport: @escaping @Sendable () throws -> any HTTPTransport
    ) -> ScriptBackend {
        let summary = "the Inbox API \(configuration.version.rawValue) at \(configuration.baseURL)"
        return ScriptBackend(description: summary) {
            InboxClients.make(
                configuration, transport: try transport(), cancellation: cancellation)
        }
    }

    /// An `Inbox` the caller already has (a client, a fixture, a test double).
    public static func inbox(_ inbox: any Inbox, description: String = "a provided Inbox")
        -> ScriptBackend
    {
        ScriptBackend(description: description) { inbox }
    }
}
