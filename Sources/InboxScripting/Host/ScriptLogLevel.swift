/// How important a log line is; a sink receives the lines at or above the host's level.
public enum ScriptLogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Detail for whoever debugs a script (rule traces, recorded dry-run writes).
    case debug
    /// Normal progress.
    case info
    /// Something looks wrong but the script goes on.
    case warn
    /// Something failed.
    case error

    /// Reads `debug`, `info`, `warn` (or `warning`) and `error`.
    public init?(name: String) {
        switch name.lowercased() {
        case "debug": self = .debug
        case "info": self = .info
        case "warn", "warning": self = .warn
        case "error": self = .error
        default: return nil
        }
    }

    /// The level's name as scripts write it: `debug`, `info`, `warn`, `error`.
    public var description: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warn: "warn"
        case .error: "error"
        }
    }

    /// Orders levels from `debug` to `error`.
    public static func < (lhs: ScriptLogLevel, rhs: ScriptLogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
