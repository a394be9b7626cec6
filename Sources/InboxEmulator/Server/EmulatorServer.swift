import FoundationEssentials
import HTTPServer
import InboxClient

#if canImport(Glibc)
    import Glibc
#endif

/// The emulator served over HTTP on loopback: `/api/v1/...` and
/// `/api/v2/...`, behind a bearer token, with optional fault injection.
public final class EmulatorServer: Sendable {
    /// The router answering every request.
    public let router: EmulatorRouter
    /// Faults to simulate; empty unless a test queues some.
    public let faults: FaultInjector

    private let server: HTTPServer

    /// Starts serving `store` on `host:port` (port 0 picks a free one).
    ///
    /// - Parameters:
    ///   - token: the bearer token clients must send.
    ///   - rateLimits: quotas to enforce; nil enforces none.
    ///   - observer: called with every exchange the router answers.
    public init(
        store: EmulatorStore, token: String, host: String = "127.0.0.1", port: UInt16 = 0,
        rateLimits: RateLimits? = nil, maxBodyBytes: Int = 1 << 20,
        observer: (@Sendable (EmulatorExchange) -> Void)? = nil
    ) throws {
        let router = EmulatorRouter(
            store: store, token: token, rateLimits: rateLimits, maxBodyBytes: maxBodyBytes,
            observer: observer)
        let faults = FaultInjector()
        self.router = router
        self.faults = faults
        server = try HTTPServer(host: host, port: port, maxBodyBytes: maxBodyBytes) { request in
            Self.answer(request, router: router, fault: faults.next())
        }
    }

    /// The port the server listens on.
    public var port: UInt16 { server.port }

    /// The server's root URL, such as `http://127.0.0.1:8080`; the APIs are
    /// under `/api/v1` and `/api/v2`.
    public var baseURL: String { server.baseURL }

    /// Stops the server; calling it again does nothing.
    public func stop() { server.stop() }

    private static func answer(
        _ request: HTTPRequest, router: EmulatorRouter, fault: FaultInjector.Fault?
    ) -> HTTPServerReply {
        let version: APIVersion = request.path.hasPrefix("/api/v1/") ? .v1 : .v2
        switch fault {
        case nil:
            return .respond(router.handle(request))
        case .rateLimited(let seconds):
            var problem = APIProblem(
                status: 429, code: "rateLimited", legacyCode: "RATE_LIMITED",
                message: "Rate limit exceeded (injected fault)",
                details: .object([
                    ("window", .string("minute")), ("limit", .int(300)),
                    (
                        "resetAt",
                        .string(Timestamp.format(router.store.clock() + Int64(seconds) * 1000))
                    ),
                ]))
            problem.headers = [("Retry-After", String(seconds))]
            return .respond(EmulatorRouter.render(problem, version: version))
        case .serverError:
            return .respond(EmulatorRouter.render(.internalFailure, version: version))
        case .dropConnection:
            return .dropConnection
        case .delay(let milliseconds):
            usleep(useconds_t(milliseconds) * 1000)
            return .respond(router.handle(request))
        }
    }
}
