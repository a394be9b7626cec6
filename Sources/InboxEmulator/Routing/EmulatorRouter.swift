import HTTPServer
import InboxClient

/// Answers Inbox API requests (`/api/v1/...` and `/api/v2/...`) from an
/// ``EmulatorStore``, with the official wire shapes and errors.
///
/// The router is the one implementation of the service's rules: the HTTP
/// server feeds it requests from sockets, and the in-process transport calls
/// it directly.
public final class EmulatorRouter: Sendable {
    /// The team being served.
    public let store: EmulatorStore
    /// The largest request body accepted; longer ones get 413.
    public let maxBodyBytes: Int

    private let token: String
    private let limiter: RateLimiter?
    private let observer: (@Sendable (EmulatorExchange) -> Void)?
    private let v1Routes: [Route]
    private let v2Routes: [Route]

    /// A router for `store` that accepts `Authorization: Bearer <token>`.
    ///
    /// - Parameters:
    ///   - rateLimits: quotas to enforce; nil (the default) enforces none.
    ///   - observer: called with every exchange, for conformance recording.
    public init(
        store: EmulatorStore, token: String, rateLimits: RateLimits? = nil,
        maxBodyBytes: Int = 1 << 20,
        observer: (@Sendable (EmulatorExchange) -> Void)? = nil
    ) {
        self.store = store
        self.token = token
        self.maxBodyBytes = maxBodyBytes
        self.limiter = rateLimits.map(RateLimiter.init)
        self.observer = observer
        v1Routes = V1Routes.all + V1Routes.mutations
        v2Routes = V2Routes.all + V2Routes.mutations
    }

    /// Answers one request. Never throws and never crashes on bad input:
    /// every refusal is the version's documented error body.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let (version, subpath) = Self.split(request.pathSegments.map { Substring($0) })
        var template: String?
        var response: HTTPResponse
        do {
            guard let version else {
                throw APIProblem.unknownRoute(request.method, request.path)
            }
            try authorize(request)
            let rateHeaders = try limiter?.admit(now: store.clock()) ?? []
            let route = try matchRoute(version: version, method: request.method, path: subpath)
            template = route.route.template
            let reply = try run(route.route, parameters: route.parameters, version, request)
            response = render(reply, version: version)
            response.headers += rateHeaders
        } catch let problem as APIProblem {
            response = Self.render(problem, version: version ?? .v2)
        } catch {
            response = Self.render(.internalFailure, version: version ?? .v2)
        }
        observer?(
            EmulatorExchange(
                apiVersion: version, method: request.method, pathTemplate: template,
                status: response.status, body: response.body))
        return response
    }

    // MARK: - Steps

    /// The version and the rest of the path, from segments already decoded
    /// one by one (so an encoded `/` stays inside its segment).
    private static func split(_ segments: [Substring]) -> (APIVersion?, [Substring]) {
        guard segments.count >= 2, segments[0] == "api",
            let version = APIVersion(rawValue: String(segments[1]))
        else { return (nil, segments) }
        return (version, Array(segments.dropFirst(2)))
    }

    private func authorize(_ request: HTTPRequest) throws {
        let expected = Array("Bearer \(token)".utf8)
        let given = Array((request.header("authorization") ?? "").utf8)
        // Compare every byte, so the time taken says nothing about the token.
        var difference = expected.count ^ given.count
        for index in expected.indices {
            difference |= Int(expected[index] ^ (index < given.count ? given[index] : 0))
        }
        guard difference == 0, !token.isEmpty else { throw APIProblem.unauthorized }
    }

    private func matchRoute(version: APIVersion, method: String, path: [Substring]) throws
        -> (route: Route, parameters: [String: String])
    {
        let routes = version == .v1 ? v1Routes : v2Routes
        let display = "/" + path.joined(separator: "/")
        var pathMatched = false
        for route in routes {
            guard let parameters = route.match(path) else { continue }
            pathMatched = true
            if route.method == method { return (route, parameters) }
        }
        if pathMatched { throw APIProblem.methodNotAllowed(method, display) }
        throw APIProblem.unknownRoute(method, display)
    }

    private func run(
        _ route: Route, parameters: [String: String], _ version: APIVersion,
        _ request: HTTPRequest
    ) throws -> RouteReply {
        if request.bodyExceedsLimit || request.body.count > maxBodyBytes {
            throw APIProblem.tooLarge(limit: maxBodyBytes)
        }
        var body: JSONValue?
        if !request.body.allSatisfy({ [9, 10, 13, 32].contains($0) }) {
            guard let parsed = JSONValue.parse(bytes: request.body) else {
                throw APIProblem.malformedJSON
            }
            body = parsed
        }
        var context = RouteContext(
            request: request, version: version, parameters: parameters, body: body,
            store: store, query: QueryReader(request.query, version: version))
        return try route.handler(&context)
    }

    // MARK: - Rendering

    private func render(_ reply: RouteReply, version: APIVersion) -> HTTPResponse {
        var headers: [(name: String, value: String)] = []
        if version == .v2 { headers.append(("X-Request-Id", Self.requestId())) }
        guard let body = reply.body else {
            return HTTPResponse(status: reply.status, headers: headers)
        }
        return .json(reply.status, body.bytes, headers: headers)
    }

    /// The error body of `problem` in `version`'s shape.
    static func render(_ problem: APIProblem, version: APIVersion) -> HTTPResponse {
        switch version {
        case .v1:
            let body = JSONValue.object([
                (
                    "error",
                    .object([
                        ("code", .string(problem.legacyCode)),
                        ("message", .string(problem.message)),
                        ("status", .int(Int64(problem.status))),
                    ])
                )
            ])
            return .json(problem.status, body.bytes, headers: problem.headers)
        case .v2:
            let requestId = requestId()
            let body = JSONValue.object([
                ("code", .string(problem.code)), ("message", .string(problem.message)),
                ("details", problem.details), ("requestId", .string(requestId)),
            ])
            return .json(
                problem.status, body.bytes,
                headers: [("X-Request-Id", requestId)] + problem.headers)
        }
    }

    private static func requestId() -> String {
        var ids = IdentifierGenerator.random()
        return "req_" + ids.inboxId()
    }
}
