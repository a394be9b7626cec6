import InboxClient
import InboxScripting
import LuaKit

/// A host on a fresh in-memory demo team whose printed lines and log lines are captured.
final class HostFixture {
    let host: ScriptHost
    private let captured = Captured()

    init(
        dryRun: Bool = false, sandbox: Bool = false, version: APIVersion = .v2,
        limits: LuaLimits = LuaLimits(), logLevel: ScriptLogLevel = .info
    ) throws {
        let captured = captured
        host = try ScriptHost(
            options: ScriptHostOptions(
                backend: .emulator(path: ":memory:", version: version), limits: limits,
                sandbox: sandbox, dryRun: dryRun,
                logSink: { captured.logs.append($0.formatted) }, logLevel: logLevel,
                output: { captured.lines.append($0) },
                onBackendOpen: { captured.opened.append($0.description) }))
    }

    /// Every printed line, each followed by a newline.
    var output: String { captured.lines.map { $0 + "\n" }.joined() }

    /// The formatted log lines.
    var logs: [String] { captured.logs }

    /// The descriptions passed to the open callback.
    var opened: [String] { captured.opened }

    /// Runs source and returns what it printed.
    @discardableResult
    func run(_ source: String) throws -> String {
        captured.lines = []
        try host.run(source: source, name: "=test")
        return output
    }

    /// Runs source expected to fail and returns the error's message.
    func failure(_ source: String) -> String {
        do {
            try host.run(source: source, name: "=test")
            return "(no error)"
        } catch {
            return String(describing: error)
        }
    }
}

private final class Captured {
    var lines: [String] = []
    var logs: [String] = []
    var opened: [String] = []
}
