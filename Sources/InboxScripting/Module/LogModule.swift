import InboxClient
import LuaKit

/// The `log` module: `log.debug/info/warn/error(message [, fields])` and `log.level([name])`.
///
/// Lines go to the host's sink (the command line writes them to stderr); a host without a
/// sink drops them, so a library stays quiet.
enum LogModule {
    /// The module's functions, as a sequence of `{name, fn}` pairs for the bootstrap to
    /// gather into a table (a Swift dictionary here costs start-up time).
    static func functions(_ lua: LuaState, _ session: ScriptSession) throws -> LuaTable {
        var pairs: [LuaValue] = []
        for level in ScriptLogLevel.allCases {
            let name = "log.\(level)"
            let function = try lua.function(named: name) { arguments in
                guard session.logger.accepts(level) else { return [] }
                let message = try arguments.string(1)
                var fields: [String: String] = [:]
                if !arguments.isNil(2) {
                    let table = try arguments.table(2)
                    for (key, value) in table.fields {
                        guard let key = key.text else {
                            throw BindingError(name, "field names must be strings")
                        }
                        fields[key] = text(value)
                    }
                    for (offset, value) in table.sequence.enumerated() {
                        fields[String(offset + 1)] = text(value)
                    }
                }
                session.logger.log(level, message, fields)
                return []
            }
            pairs.append(.table(LuaTable(sequence: [.string(level.description), function])))
        }
        let level = try lua.function(named: "log.level") { arguments in
            let current = LuaValue.string(session.logger.level.description)
            guard let name = try arguments.optionalString(1) else { return [current] }
            guard let level = ScriptLogLevel(name: name) else {
                throw BindingError(
                    "log.level", "unknown level \"\(name)\"; levels: debug, info, warn, error")
            }
            session.logger.level = level
            return [current]
        }
        pairs.append(.table(LuaTable(sequence: ["level", level])))
        return LuaTable(sequence: pairs)
    }

    /// A field value as text: strings as they are, numbers as Lua prints them, tables as JSON.
    static func text(_ value: LuaValue) -> String {
        switch value {
        case .nil: return "nil"
        case .null: return "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15
                ? String(Int64(number)) + ".0" : String(number)
        case .string(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .table:
            return (try? JSONValue(lua: value).jsonText) ?? "table"
        case .function, .userdata, .thread: return value.typeName
        }
    }
}
