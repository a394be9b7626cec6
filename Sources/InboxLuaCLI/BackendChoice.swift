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
        let version = options.apiVersion.flatMap(APIVersion.init(rawValue:))
        let token = Self.environment("INBOX_API_TOKEN")
        if options.emulator == nil, token != nil {
            backend = try Self.live(version: version, cancellation: cancellation)
        } else {
            let path = options.emulator ?? Self.defaultEmulatorPath()
            backend = .emulator(path: path, version: version ?? .v2)
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

    /// `$XDG_DATA_HOME/inbox-lua/emulator.sqlite`, else under `~/.local/share`; the folder
    /// is created here because the emulator only creates the file.
    ///
    /// TODO: create the folder when the backend opens rather than at start-up; that needs
    /// InboxScripting to expose a way to wrap `ScriptBackend.emulator`'s opening.
    static func defaultEmulatorPath() -> String {
        let home = environment("HOME") ?? "."
        let data = environment("XDG_DATA_HOME") ?? home + "/.local/share"
        let folder = data + "/inbox-lua"
        mkdir(data, 0o755)
        mkdir(folder, 0o755)
        return folder + "/emulator.sqlite"
    }

    /// A variable's value, nil when unset or empty.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
