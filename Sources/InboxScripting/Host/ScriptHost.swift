import InboxClient
import LuaKit

/// A Lua state with the `inbox`, `json` and `log` modules, ready to run scripts and rules.
///
/// ```swift
/// let host = try ScriptHost(options: ScriptHostOptions(
///     backend: .emulator(path: ":memory:"), limits: LuaLimits(timeout: .seconds(1)),
///     sandbox: true))
/// try host.load(file: "rules.lua")
/// let route = try host.function("route")
/// let account = try route.call(json: [person.json])
/// ```
///
/// The backend opens on the first use of `inbox`. Each call from Swift into Lua runs under
/// the limits of ``ScriptHostOptions/limits``. Like its ``LuaState``, a host is used from
/// one thread at a time.
public final class ScriptHost {
    /// The Lua state, for callers that need more than the facade offers (the REPL).
    public let lua: LuaState

    /// Whether writes are recorded instead of made.
    public let isDryRun: Bool

    let session: ScriptSession
    var loadedChunks: [LoadedChunk] = []
    private let buildInboxFunction: LuaValue

    /// Creates the state and installs the modules; nothing is opened yet.
    ///
    /// - Throws: ``LuaError`` when the state cannot be created.
    public init(options: ScriptHostOptions) throws {
        lua = try LuaState(profile: options.sandbox ? .sandbox : .full, limits: options.limits)
        isDryRun = options.dryRun
        session = ScriptSession(options: options)
        buildInboxFunction = try ModuleInstaller(lua: lua, session: session).installAll(
            output: options.output)
    }

    /// Builds the `inbox` module now, if no script has used it yet. In the full profile it
    /// is built on its first use, so that a script that never touches it starts faster;
    /// a caller that reads the module's documentation from the registry (the REPL's help)
    /// or iterates it with `next` calls this first.
    public func buildInbox() throws {
        _ = try lua.call(buildInboxFunction)
    }

    /// The backend this host uses.
    public var backend: ScriptBackend { session.backend }

    /// True once the backend has been opened (by a script or by ``openInbox()``).
    public var isBackendOpen: Bool { session.isOpen }

    /// The backend as an `Inbox`, opening it now if no script has yet.
    public func openInbox() throws -> any Inbox {
        try session.inbox()
    }

    /// The writes recorded so far by a dry run, in order (empty when not a dry run).
    public var plan: WritePlan { session.gate.plan }

    /// The lowest level the log sink receives; scripts change it with `log.level(name)`.
    public var logLevel: ScriptLogLevel {
        get { session.logger.level }
        set { session.logger.level = newValue }
    }

    /// Sends a record to the log sink, if its level passes.
    public func log(_ level: ScriptLogLevel, _ message: String, fields: [String: String] = [:]) {
        session.logger.log(level, message, fields)
    }
}

/// A chunk loaded by ``ScriptHost/load(file:)``: its function (whose environment holds its
/// globals in the sandbox) and the table it returned, if any.
struct LoadedChunk {
    let function: LuaValue
    let exports: LuaTable?
}
