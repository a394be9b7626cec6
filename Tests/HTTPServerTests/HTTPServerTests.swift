import Foundation
import HTTPServer
import TestSupport
import Testing

/// Starts a server whose handler hands each request to the test.
private func recordingServer(
    maxBodyBytes: Int = 1 << 20,
    reply: HTTPServerReply = .respond(HTTPResponse(status: 200, body: Array("ok".utf8)))
) throws -> (HTTPServer, RequestLog) {
    let log = RequestLog()
    let server = try HTTPServer(maxBodyBytes: maxBodyBytes) { request in
        log.append(request)
        return reply
    }
    return (server, log)
}

@Suite struct HTTPServerTests {
    @Test func passesMethodPathHeadersAndBodyToTheHandler() async throws {
        let (server, log) = try recordingServer()
        let response = try await fetch(
            server.baseURL + "/api/v2/threads/abc%20def", method: "PATCH",
            headers: ["Authorization": "Bearer t0", "Content-Type": "application/json"],
            body: Data(#"{"archived":true}"#.utf8))

        #expect(response.status == 200)
        #expect(response.text == "ok")
        let request = try #require(log.requests.first)
        #expect(request.method == "PATCH")
        #expect(request.path == "/api/v2/threads/abc def")
        #expect(request.header("authorization") == "Bearer t0")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.body == Array(#"{"archived":true}"#.utf8))
        #expect(request.bodyExceedsLimit == false)
    }

    @Test func keepsAnEncodedSlashInsideItsPathSegment() async throws {
        let (server, log) = try recordingServer()
        _ = try await fetch(server.baseURL + "/api/v2/threads/..%2F..%2Faccount-links")

        let request = try #require(log.requests.first)
        #expect(request.rawPath == "/api/v2/threads/..%2F..%2Faccount-links")
        #expect(request.path == "/api/v2/threads/../../account-links")
        #expect(request.pathSegments == ["api", "v2", "threads", "../../account-links"])
    }

    @Test func keepsTheRawQueryAndDecodesPlusAsSpace() async throws {
        let (server, log) = try recordingServer()
        let query = "accountLinkId=a&accountLinkId=b&q=c%2B%2B+dev&ids%5B0%5D=x&flag"
        _ = try await fetch(server.baseURL + "/threads?" + query)

        let request = try #require(log.requests.first)
        #expect(request.rawQuery == query)
        #expect(request.queryValues("accountLinkId") == ["a", "b"])
        #expect(request.queryValue("q") == "c++ dev")
        #expect(request.queryValue("ids[0]") == "x")
        #expect(request.queryValue("flag") == "")
        #expect(request.queryValue("missing") == nil)
    }

    @Test func sendsStatusHeadersAndAnEmptyBodyFor204() async throws {
        let reply = HTTPServerReply.respond(
            HTTPResponse(status: 204, headers: [("X-Request-Id", "req_1")]))
        let (server, _) = try recordingServer(reply: reply)
        let response = try await fetch(server.baseURL + "/tags/x", method: "DELETE")

        #expect(response.status == 204)
        #expect(response.headers["x-request-id"] == "req_1")
        #expect(response.body.isEmpty)
    }

    @Test func flagsABodyOverTheLimitInsteadOfPassingIt() async throws {
        let (server, log) = try recordingServer(maxBodyBytes: 16)
        _ = try await fetch(
            server.baseURL + "/messages", method: "POST",
            body: Data(repeating: UInt8(ascii: "x"), count: 100_000))

        let request = try #require(log.requests.first)
        #expect(request.bodyExceedsLimit)
        #expect(request.body.isEmpty)
    }

    @Test func dropsTheConnectionWhenAsked() async throws {
        let (server, _) = try recordingServer(reply: .dropConnection)
        await #expect(throws: (any Error).self) {
            _ = try await fetch(server.baseURL + "/team")
        }
    }

    @Test func picksAFreePortAndRefusesATakenOne() throws {
        let (first, _) = try recordingServer()
        #expect(first.port != 0)
        #expect(first.baseURL == "http://127.0.0.1:\(first.port)")

        #expect(throws: HTTPServerError.self) {
            _ = try HTTPServer(port: first.port) { _ in .dropConnection }
        }
    }

    @Test func refusesAnAddressThatIsNotIPv4() {
        let error = #expect(throws: HTTPServerError.self) {
            _ = try HTTPServer(host: "localhost") { _ in .dropConnection }
        }
        #expect(error?.description.hasPrefix("cannot serve HTTP on localhost:0") == true)
    }

    @Test func stopsOnceAndThenRefusesConnections() async throws {
        let (server, _) = try recordingServer()
        let url = server.baseURL + "/team"
        server.stop()
        server.stop()

        await #expect(throws: (any Error).self) {
            _ = try await fetch(url, timeout: 2)
        }
    }
}
