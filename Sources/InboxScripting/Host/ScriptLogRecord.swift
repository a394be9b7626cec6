/// One line of the `log` module (or of the host itself): constant text plus fields.
public struct ScriptLogRecord: Sendable, Hashable {
    /// The level.
    public var level: ScriptLogLevel
    /// The message, constant text such as `thread assigned`.
    public var message: String
    /// The variable parts, sorted by key: `thread.id`, `rule`.
    public var fields: [ScriptLogField]

    /// A record.
    public init(level: ScriptLogLevel, message: String, fields: [ScriptLogField] = []) {
        self.level = level
        self.message = message
        self.fields = fields
    }

    /// One line for stderr: `info: thread assigned rule=vip thread.id=k7x...`; values with
    /// spaces, quotes or `=` are quoted.
    public var formatted: String {
        var line = "\(level): \(message)"
        for field in fields {
            line += " \(field.key)=\(Self.quoted(field.value))"
        }
        return line
    }

    private static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { " \"=\t\n".contains($0) }
        guard !plain else { return value }
        let escaped = value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            .replacing("\n", with: "\\n")
        return "\"\(escaped)\""
    }
}

/// One key and its value, rendered as text.
public struct ScriptLogField: Sendable, Hashable {
    /// The key, such as `thread.id`.
    public var key: String
    /// The value as text.
    public var value: String

    /// A field.
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// Receives the log lines a host lets through; the executable decides where they go.
public typealias ScriptLogSink = (ScriptLogRecord) -> Void
