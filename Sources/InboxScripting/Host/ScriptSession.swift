import InboxClient

/// What the Lua modules share with the host: the lazily opened backend, the write gate and
/// the logger. Bindings capture the session, never the Lua state.
final class ScriptSession {
    let backend: ScriptBackend
    let gate: WriteGate
    let logger: ScriptLogger
    private let onBackendOpen: ((ScriptBackend) -> Void)?
    private var opened: (any Inbox)?

    init(options: ScriptHostOptions) {
        backend = options.backend
        gate = WriteGate(dryRun: options.dryRun)
        logger = ScriptLogger(sink: options.logSink, level: options.logLevel)
        onBackendOpen = options.onBackendOpen
    }

    /// True once a script (or the host) has used the backend.
    var isOpen: Bool { opened != nil }

    /// The backend, opened on first use; the open callback runs exactly once.
    func inbox() throws -> any Inbox {
        if let opened { return opened }
        let inbox = try backend.openInbox()
        opened = inbox
        onBackendOpen?(backend)
        logger.log(.debug, "backend opened", ["backend": backend.description])
        return inbox
    }
}
