import LuaKit

/// How a ``ScriptHost`` runs scripts: the backend, the limits and the safety switches.
public struct ScriptHostOptions {
    /// Where `inbox` calls go; opened on first use.
    public var backend: ScriptBackend

    /// Limits applied to each call from Swift into Lua (a script run, a rule call).
    public var limits: LuaLimits

    /// Opens the sandbox profile (no `io`, no `os.execute`, read-only libraries) instead of
    /// the full standard library.
    public var sandbox: Bool

    /// Records every write (send, update, tag, delete) in ``ScriptHost/plan`` instead of
    /// making it; reads still run.
    public var dryRun: Bool

    /// Receives `log` lines at or above ``logLevel``; nil keeps the host quiet, as a library
    /// should be.
    public var logSink: ScriptLogSink?

    /// The lowest level passed to ``logSink``; scripts may change it with `log.level()`.
    public var logLevel: ScriptLogLevel

    /// Receives each line a script prints (without its newline). Nil leaves Lua's own `print`,
    /// which writes to stdout.
    public var output: ((String) -> Void)?

    /// Called once, when a script first uses `inbox` and the backend opens; the command line
    /// prints `inbox-lua: using the local emulator (PATH)` from here.
    public var onBackendOpen: ((ScriptBackend) -> Void)?

    /// Options with every switch off: full library, no limits, writes made, quiet.
    public init(
        backend: ScriptBackend, limits: LuaLimits = LuaLimits(), sandbox: Bool = false,
        dryRun: Bool = false, logSink: ScriptLogSink? = nil, logLevel: ScriptLogLevel = .info,
        output: ((String) -> Void)? = nil, onBackendOpen: ((ScriptBackend) -> Void)? = nil
    ) {
        self.backend = backend
        self.limits = limits
        self.sandbox = sandbox
        self.dryRun = dryRun
        self.logSink = logSink
        self.logLevel = logLevel
        self.output = output
        self.onBackendOpen = onBackendOpen
    }
}
