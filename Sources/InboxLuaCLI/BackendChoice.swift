import InboxClient
import InboxScripting

#if canImport(Glibc)
    import Glibc
#endif

/// Which Inbox a run talks to (DESIGN.md, "The embedded default: the emulator"): the live
/// API when `INBOX_API_TOKEN` is set, else the local emulator. `--emulator` always wins, so
/// that a script can be tried locally on a machine that has a token.
struct BackendChoice {
    /// The recipe; nothing opens until a script uses `inbox`.
    let backend: ScriptBackend

    /// Tripped by Ctrl-C, to end a blocked HTTP call or a retry wait of the live client.
    let cancellation = CancellationToken()

    /// Chooses from the options and the environment, then removes `INBOX_API_TOKEN` from
    /// the process environment.
    ///
    /// - Throws: ``UsageFailure`` for a bad `INBOX_API_URL` or `INBOX_API_VERSION`.
    init(_ options: CommandLineOptions) throws(UsageFailure) {
        // `--api-version` wins over `INBOX_API_VERSION`; both choose the emulator's too.
        var version = options.apiVersion.flatMap(APIVersion.init(rawValue:))
        if version == nil {
            version = try Self.environmentVersion()
        }
        let token = Self.environment("INBOX_API_TOKEN")
        if options.emulator == nil, token != nil {
            backend = try Self.live(version: version, cancellation: cancellation)
        } else {
            backend = Self.emulator(path: options.emulator, version: version ?? .v2)
        }
        // The configuration holds the token now: scripts (os.getenv), the REPL and child
        // processes (io.popen, os.execute) must not see it.
        unsetenv("INBOX_API_TOKEN")
    }

    private static func live(version: APIVersion?, cancellation: CancellationToken)
        throws(UsageFailure) -> ScriptBackend
    {
        var environment: [String: String] = [:]
        for name in ["INBOX_API_TOKEN", "INBOX_API_URL", "INBOX_API_VERSION"] {
            environment[name] = Self.environment(name)
        }
        let configuration: InboxConfiguration
        do {
            configuration = try InboxConfiguration.fromEnvironment(environment, version: version)
        } catch {
            throw UsageFailure(description: error.message)
        }
        let summary = "the Inbox API \(configuration.version.rawValue) at \(configuration.baseURL)"
        return ScriptBackend(description: summary) {
            InboxClients.make(
                configuration, transport: CurlTransport(), cancellation: cancellation)
        }
    }

    /// `INBOX_API_VERSION` as the live client reads it (`v1`, `v2`, `1` or `2`), or nil
    /// when unset.
    private static func environmentVersion() throws(UsageFailure) -> APIVersion? {
        guard let text = environment("INBOX_API_VERSION") else { return nil }
        let lowered = text.lowercased()
        guard let version = APIVersion(rawValue: lowered.hasPrefix("v") ? lowered : "v" + lowered)
        else {
            throw UsageFailure(description: "INBOX_API_VERSION must be v1 or v2, not \"\(text)\"")
        }
        return version
    }

    /// The emulator at `path`, else at the default path. When the backend opens, the
    /// default path's folder is created; an explicit path's folder must already exist.
    private static func emulator(path: String?, version: APIVersion) -> ScriptBackend {
        let file = path ?? defaultEmulatorPath()
        let inner = ScriptBackend.emulator(path: file, version: version)
        return ScriptBackend(description: inner.description, isEmulator: true) {
            if path == nil {
                try EmulatorFolder.create(for: file)
            } else {
                try EmulatorFolder.require(for: file)
            }
            return try inner.openInbox()
        }
    }

    /// `$XDG_DATA_HOME/inbox-lua/emulator.sqlite`, else under `~/.local/share`.
    static func defaultEmulatorPath() -> String {
        let home = environment("HOME") ?? "."
        let data = environment("XDG_DATA_HOME") ?? home + "/.local/share"
        return data + "/inbox-lua/emulator.sqlite"
    }

    /// A variable's value, nil when unset or empty.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
