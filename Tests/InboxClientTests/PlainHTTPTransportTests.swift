import Foundation
import HTTPServer
import InboxNetworking
import Testing

@testable import InboxClient

@Suite struct PlainHTTPTransportTests {
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

    @Test func keepsTheConnectionAliveAcrossRequests() throws {
        let server = try LoopbackServer { request, _ in
            reply(
                200, teamJSON, headers: [("X-Seen-Connection", request.header("connection") ?? "")])
        }
        let transport = PlainHTTPTransport()
        let request = TransportRequest(method: "GET", url: server.baseURL + "/api/v2/team?x=%2B")
        let first = try transport.send(request, cancellation: CancellationToken())
        let second = try transport.send(request, cancellation: CancellationToken())
        #expect(first.status == 200)
        #expect(second.body == Data(teamJSON.utf8))
        #expect(second.header("X-Seen-Connection") == "keep-alive")
        #expect(server.requests.map(\.rawQuery) == ["x=%2B", "x=%2B"])
    }

    @Test func refusesHTTPS() {
        #expect(throws: TransportError(.other, "PlainHTTPTransport only speaks http://")) {
            try PlainHTTPTransport().send(
                TransportRequest(method: "GET", url: "https://inboxapp.com/api/v2/team"),
                cancellation: CancellationToken())
        }
    }
}

@Suite struct ResponseFramingTests {
    static func fetch(_ raw: String) throws -> TransportResponse {
        let server = try RawSocketServer(answer: Array(raw.utf8))
        return try PlainHTTPTransport().send(
            TransportRequest(method: "GET", url: server.baseURL + "/x"),
            cancellation: CancellationToken())
    }

    @Test func readsAChunkedBody() throws {
        let response = try Self.fetch(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Request-Id: r1\r\n\r\n"
                + "4\r\n{\"a\"\r\n6;ext=1\r\n:[1,2]\r\n1\r\n}\r\n0\r\n\r\n")
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"a":[1,2]}"#)
        #expect(response.header("x-request-id") == "r1")
    }

    @Test func readsABodyEndedByClose() throws {
        let response = try Self.fetch("HTTP/1.1 500 Oops\r\nConnection: close\r\n\r\nplain text")
        #expect(response.status == 500)
        #expect(String(decoding: response.body, as: UTF8.self) == "plain text")
    }

    @Test func shortBodyIsAConnectionLoss() throws {
        #expect(throws: TransportError(.connectionLost, "the response body was cut short")) {
            try Self.fetch("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\"")
        }
    }
}
