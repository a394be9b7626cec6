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
    /// spaces, quotes, `=` or NUL are quoted.
    public var formatted: String {
        var line = "\(level): \(message)"
        for field in fields {
            line += " \(field.key)=\(Self.quoted(field.value))"
        }
        return line
    }

    private static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { " \"=\t\n\0".contains($0) }
        guard !plain else { return value }
        // A NUL is written `\0` (`\000` before a digit), as Lua's `%q` writes it: the line
        // stays one line of text that `grep` and `cut` handle, and the value reads back as
        // a Lua string literal. A raw NUL would end it early in C-string based tools.
        var escaped = ""
        var characters = value.makeIterator()
        var next = characters.next()
        while let character = next {
            next = characters.next()
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\0": escaped += next.map { ("0"..."9").contains($0) } == true ? "\\000" : "\\0"
            default: escaped.append(character)
            }
        }
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
