/// Filters log records by level and hands them to the host's sink; without a sink it
/// drops everything, so a library host stays quiet.
final class ScriptLogger {
    private let sink: ScriptLogSink?
    var level: ScriptLogLevel

    init(sink: ScriptLogSink?, level: ScriptLogLevel) {
        self.sink = sink
        self.level = level
    }

    /// True when a record at `level` would reach the sink.
    func accepts(_ level: ScriptLogLevel) -> Bool {
        sink != nil && level >= self.level
    }

    /// Logs `message` with `fields`, sorted by key.
    func log(_ level: ScriptLogLevel, _ message: String, _ fields: [String: String] = [:]) {
        guard accepts(level), let sink else { return }
        let sorted = fields.sorted { $0.key < $1.key }.map { ScriptLogField($0.key, $0.value) }
        sink(ScriptLogRecord(level: level, message: message, fields: sorted))
    }
}
