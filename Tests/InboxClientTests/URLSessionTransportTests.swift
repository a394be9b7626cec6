import Foundation
import HTTPServer
import Testing

@testable import InboxClient
@testable import InboxNetworking

/// The transport itself, against the HTTP server on 127.0.0.1. The client's HTTP behaviour
/// over it (429, 5xx, timeouts, paging...) is in `HTTPEngineTests` and `PagingTests`.
@Suite struct URLSessionTransportTests {
    /// A base URL nothing listens on: a server's port, after the server stopped.
    static func closedPortURL() throws -> String {
        let server = try HTTPServer { _ in .dropConnection }
        let url = server.baseURL
        server.stop()
        return url
    }

    static func client(_ version: APIVersion, _ url: String, clock: RecordingClock) -> any Inbox {
        InboxClients.overNetwork(
            testConfiguration(
                version, baseURL: url + "/api/" + version.rawValue, clock: clock.clock,
                retry: RetryPolicy(maxRetries: 1, backoffBase: 0.01, backoffMax: 0.01)))
    }

    @Test func refusedConnectionIsRetriedThenReported() throws {
        let clock = RecordingClock()
        let error = try #require(throws: InboxError.self) {
            try Self.client(.v2, try Self.closedPortURL(), clock: clock).team()
        }
        #expect(error.kind == .transport(.cannotConnect))
        #expect(clock.slept.count == 1)
    }

    @Test func refusedConnectionIsSafeToRetryEvenForAV1Send() throws {
        let clock = RecordingClock()
        let error = try #require(throws: InboxError.self) {
            try Self.client(.v1, try Self.closedPortURL(), clock: clock).send(
                SendRequest(target: .thread(id: "t1"), content: "Hi"))
        }
        #expect(error.kind == .transport(.cannotConnect))
        #expect(clock.slept.count == 1)
    }

    @Test func sequentialRequestsShareOneKeptAliveConnection() throws {
        let connections = ConnectionCounter()
        let server = try LoopbackServer { request, _ in
            reply(
                200, teamJSON,
                headers: [("X-Connection", String(connections.current()))])
        }
        let transport = URLSessionTransport()
        let request = TransportRequest(method: "GET", url: server.baseURL + "/api/v2/team")
        var seen: [String?] = []
        for _ in 0..<20 {
            let response = try transport.send(request, cancellation: CancellationToken())
            #expect(response.status == 200)
            seen.append(response.header("x-connection"))
        }
        #expect(seen == Array(repeating: "1", count: 20))
        #expect(server.requests.allSatisfy { $0.header("connection") == "keep-alive" })
    }

    @Test func sendsMethodHeadersBodyAndEncodedQueryAsGiven() throws {
        let server = try LoopbackServer { _, _ in reply(201, #"{"ok":true}"#) }
        let request = TransportRequest(
            method: "POST", url: server.baseURL + "/api/v2/messages?q=a%2Bb+c&k=%5B0%5D",
            headers: [
                HTTPHeader("Content-Type", "application/json"),
                HTTPHeader("Idempotency-Key", "key-1"),
            ],
            body: Data(#"{"text":"Hi"}"#.utf8))
        let response = try URLSessionTransport().send(request, cancellation: CancellationToken())
        #expect(response.status == 201)
        #expect(response.body == Data(#"{"ok":true}"#.utf8))
        #expect(response.header("Content-Type") == "application/json")
        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.path == "/api/v2/messages")
        #expect(seen.rawQuery == "q=a%2Bb+c&k=%5B0%5D")
        #expect(seen.header("idempotency-key") == "key-1")
        #expect(seen.header("content-type") == "application/json")
        #expect(seen.body == Array(#"{"text":"Hi"}"#.utf8))
    }

    /// A server that answers the team after `delay` seconds, and a request for it.
    static func slowTeam(after delay: Double, timeout: Double) throws -> (
        LoopbackServer, TransportRequest
    ) {
        let server = try LoopbackServer { _, _ in
            Foundation.Thread.sleep(forTimeInterval: delay)
            return reply(200, teamJSON)
        }
        let url = server.baseURL + "/api/v2/team"
        return (server, TransportRequest(method: "GET", url: url, timeout: timeout))
    }

    @Test func subSecondTimeoutLetsAQuickAnswerThrough() throws {
        let (server, request) = try Self.slowTeam(after: 0.1, timeout: 0.5)
        let response = try URLSessionTransport().send(request, cancellation: CancellationToken())
        #expect(response.status == 200)
        #expect(server.requests.count == 1)
    }

    @Test func timeoutEndsTheAttemptAtItsDeadline() throws {
        let (server, request) = try Self.slowTeam(after: 1.5, timeout: 0.3)
        let started = Date()
        #expect(throws: TransportError(.timedOut, "no response after 0.3 s")) {
            try URLSessionTransport().send(request, cancellation: CancellationToken())
        }
        #expect((0.3..<0.8).contains(Date().timeIntervalSince(started)))
        #expect(server.requests.count == 1)
    }

    @Test(arguments: [(0.3, 2.0), (1, 2), (2.5, 4), (30, 31)])
    func sessionTimeoutIsWholeSecondsBehindTheDeadline(seconds: Double, expected: Double) {
        #expect(URLSessionTransport.idleTimeout(seconds) == expected)
    }
}

/// Numbers the server's connections, 1, 2, ... in order of first request.
///
/// libmicrohttpd serves each connection on a thread of its own (HTTPServer runs it with
/// MHD_USE_THREAD_PER_CONNECTION), so the handler's thread names the connection.
private final class ConnectionCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func current() -> Int {
        let key = "ConnectionCounter.number"
        let thread = Foundation.Thread.current
        if let number = thread.threadDictionary[key] as? Int { return number }
        let number = lock.withLock {
            count += 1
            return count
        }
        thread.threadDictionary[key] = number
        return number
    }
}
