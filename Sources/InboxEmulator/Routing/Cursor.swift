import FoundationEssentials
import InboxClient

/// Keyset positions as the two versions carry them: v2 as an opaque string,
/// v1 as `{timestamp, id}`.
enum Cursor {
    /// The opaque v2 form of a position.
    static func encode(key: Int64, id: String) -> String {
        Data("\(key).\(id)".utf8).base64EncodedString()
            .replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
    }

    /// The position in a v2 cursor; 400 `invalidCursor` when it is not one.
    // TODO: the service ties a cursor to the filters it was issued with; this
    // one only carries the position, so a cursor reused with other filters
    // pages on from the same place instead of failing.
    static func decode(_ text: String) throws -> (key: Int64, id: String) {
        var base64 = text.replacing("-", with: "+").replacing("_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let plain = String(data: data, encoding: .utf8)
        else { throw APIProblem.invalidCursor }
        let parts = plain.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let key = Int64(parts[0]), InboxId.isValid(String(parts[1])) else {
            throw APIProblem.invalidCursor
        }
        return (key, String(parts[1]))
    }

    /// A v2 `cursor` query parameter, when present.
    static func v2(_ query: QueryReader) throws -> (key: Int64, id: String)? {
        try query.string("cursor").map(decode)
    }

    /// v1's `nextCursor` object.
    static func v1Object(_ next: (key: Int64, id: String)?) -> JSONValue {
        guard let next else { return .null }
        return .object([
            ("timestamp", .string(Timestamp.format(next.key))), ("id", .string(next.id)),
        ])
    }

    /// v1's cursor from `cursorId` + `cursorTimestamp` or the deprecated
    /// `cursor[id]` + `cursor[timestamp]` (the two forms can't be mixed).
    static func v1(_ query: QueryReader) throws -> (key: Int64, id: String)? {
        let modern = (query.string("cursorId"), query.string("cursorTimestamp"))
        let legacy = (query.string("cursor[id]"), query.string("cursor[timestamp]"))
        let hasModern = modern.0 != nil || modern.1 != nil
        let hasLegacy = legacy.0 != nil || legacy.1 != nil
        if hasModern && hasLegacy {
            throw APIProblem.invalid(
                ["cursor"], "Use cursorId/cursorTimestamp or cursor[...], not both")
        }
        guard hasModern || hasLegacy else { return nil }
        let (id, timestamp) = hasModern ? modern : legacy
        guard let id, InboxId.isValid(id), let timestamp, let key = Timestamp.parse(timestamp)
        else { throw APIProblem.invalid(["cursorId"], "Both cursor id and timestamp are required") }
        return (key, id)
    }

    /// v2 pagination of a small collection held in memory, oldest first.
    static func page<Row>(
        _ rows: [Row], limit: Int, after: (key: Int64, id: String)?, key: (Row) -> (Int64, String)
    ) -> Page<Row> {
        let remaining = rows.filter { row in
            guard let after else { return true }
            let (rowKey, rowId) = key(row)
            return (rowKey, rowId) > (after.key, after.id)
        }
        return Page(rows: Array(remaining.prefix(limit + 1)), limit: limit, key: key)
    }
}

extension Page {
    /// The v2 `{data, nextCursor}` object, each row encoded by `encode`.
    func v2(_ encode: (Row) throws -> JSONValue) rethrows -> JSONValue {
        .object([
            ("data", .array(try rows.map(encode))),
            ("nextCursor", next.map { .string(Cursor.encode(key: $0.key, id: $0.id)) } ?? .null),
        ])
    }
}
