import HTTPServer
import InboxClient

/// What a route handler sees: the request, its version, path parameters, the
/// parsed body and the store.
struct RouteContext {
    let request: HTTPRequest
    let version: APIVersion
    let parameters: [String: String]
    let body: JSONValue?
    let store: EmulatorStore
    var query: QueryReader

    /// A path parameter of the matched template, such as `threadId`.
    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// A reader for the body's fields.
    var fields: BodyReader { BodyReader(body) }

    /// Checks a body that holds exactly one required, non-empty string field.
    func requireBody(with field: String) throws {
        var fields = fields
        _ = fields.string(field, required: true, minLength: 1)
        try fields.finish()
    }
}

/// What a route handler answers: a status and a JSON body (none for 204).
struct RouteReply {
    var status: Int
    var body: JSONValue?

    static func ok(_ body: JSONValue) -> RouteReply { RouteReply(status: 200, body: body) }
    static func created(_ body: JSONValue) -> RouteReply { RouteReply(status: 201, body: body) }
    static let noContent = RouteReply(status: 204, body: nil)
}

/// One operation: a method and a path template under `/api/vN`.
struct Route: Sendable {
    typealias Handler = @Sendable (inout RouteContext) throws -> RouteReply

    let method: String
    let template: String
    let handler: Handler
    private let segments: [Substring]

    init(_ method: String, _ template: String, _ handler: @escaping Handler) {
        self.method = method
        self.template = template
        self.handler = handler
        segments = template.split(separator: "/")
    }

    /// The path parameters when `path` fits the template, else nil.
    func match(_ path: [Substring]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (pattern, actual) in zip(segments, path) {
            if pattern.hasPrefix("{") {
                parameters[String(pattern.dropFirst().dropLast())] = String(actual)
            } else if pattern != actual {
                return nil
            }
        }
        return parameters
    }
}

// MARK: - Store access

extension RouteContext {
    /// Runs `body` against the store, alone.
    func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try store.read(body)
    }

    /// Runs `body` as one transaction, with the team's shared writes.
    func write<T>(_ body: (TeamWrites) throws -> T) throws -> T {
        let now = store.clock()
        return try store.write { db in try body(TeamWrites(db: db, now: now)) }
    }
}
