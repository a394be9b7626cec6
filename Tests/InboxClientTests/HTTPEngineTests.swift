import Foundation
import HTTPServer
import InboxNetworking
import Testing

@testable import InboxClient

/// HTTP behaviour against a scripted server on 127.0.0.1, over URLSession.
@Suite struct HTTPEngineTests {
    @Test
    func rateLimitedWithRetryAfterSecondsWaitsThenRetries() throws {
        let server = try LoopbackServer { _, number in
            number == 0
                ? reply(
                    429,
                    #"{"code":"rateLimited","message":"slow down","details":null,"#
                        + #""requestId":"r1"}"#, headers: [("Retry-After", "2")])
                : reply(200, teamJSON)
        }
        let team = try server.client().team()
        #expect(team.name == "Acme")
        #expect(server.clock.slept == [2])
        #expect(server.requests.count == 2)
    }

    @Test
    func rateLimitedWithRetryAfterDateWaitsUntilThatDate() throws {
        let clock = RecordingClock()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: clock.start.addingTimeInterval(7))
        let server = try LoopbackServer { _, number in
            number == 0
                ? reply(429, "{}", headers: [("Retry-After", date)])
                : reply(200, teamJSON)
        }
        _ = try server.client().team()
        #expect(server.clock.slept == [7])
    }

    @Test
    func rateLimitedWithResetHeaderWaitsUntilTheReset() throws {
        let reset = String(Int(RecordingClock().start.timeIntervalSince1970) + 30)
        let server = try LoopbackServer { _, number in
            number == 0
                ? reply(
                    429, "{}",
                    headers: [
                        ("X-RateLimit-Reset", reset),
                        ("X-RateLimit-Remaining", "0"),
                    ])
                : reply(200, teamJSON)
        }
        _ = try server.client().team()
        #expect(server.clock.slept == [30])
    }

    @Test
    func rateLimitLongerThanTheCapFailsAtOnce() throws {
        let server = try LoopbackServer { _, _ in
            reply(
                429, #"{"error":{"code":"RATE_LIMITED","message":"Too many","status":429}}"#,
                headers: [("Retry-After", "120")])
        }
        let error = try #require(throws: InboxError.self) {
            try server.client(.v1).team()
        }
        #expect(error.kind == .rateLimited)
        #expect(error.retryAfter == 120)
        #expect(error.code == "RATE_LIMITED")
        #expect(error.status == 429)
        #expect(server.requests.count == 1)
        #expect(server.clock.slept == [])
    }

    @Test
    func serverErrorThenSuccessIsRetriedForAGet() throws {
        let server = try LoopbackServer { _, number in
            number == 0
                ? reply(500, #"{"code":"internal","message":"boom"}"#)
                : reply(200, teamJSON)
        }
        #expect(try server.client().team().id == "team1")
        #expect(server.requests.count == 2)
        let slept = server.clock.slept
        #expect(slept.count == 1)
        #expect(slept.allSatisfy { (0.005...0.01).contains($0) })
    }

    @Test
    func droppedConnectionIsRetriedForAGet() throws {
        let server = try LoopbackServer { _, number in
            number == 0 ? .dropConnection : reply(200, teamJSON)
        }
        #expect(try server.client().team().id == "team1")
        #expect(server.requests.count == 2)
    }

    @Test
    func slowAnswerHitsTheTimeout() throws {
        let server = try LoopbackServer { _, _ in
            Foundation.Thread.sleep(forTimeInterval: 1.5)
            return reply(200, teamJSON)
        }
        let started = Date()
        let error = try #require(throws: InboxError.self) {
            try server.client(retry: RetryPolicy(maxRetries: 0), timeout: 0.3)
                .team()
        }
        #expect(error.kind == .transport(.timedOut))
        #expect(error.method == "GET")
        #expect(error.path == "/team")
        #expect(Date().timeIntervalSince(started) < 1.45)
    }

    @Test
    func malformedJSONIsAClearError() throws {
        let server = try LoopbackServer { _, _ in reply(200, #"{"id":"team1","name""#) }
        let error = try #require(throws: InboxError.self) {
            try server.client().team()
        }
        #expect(error.kind == .malformedResponse)
        #expect(error.message == "response is not valid JSON (unexpected end of input at byte 20)")
        #expect(error.bodyExcerpt == #"{"id":"team1","name""#)
        #expect(error.operation == "team")
    }

    @Test
    func emptyBodyOn204IsSuccess() throws {
        let server = try LoopbackServer { _, _ in .respond(HTTPResponse(status: 204)) }
        try server.client().deleteTag(id: "vip customers")
        #expect(server.requests.map(\.method) == ["DELETE"])
        #expect(server.requests.map(\.path) == ["/api/v2/tags/vip customers"])
    }

    @Test
    func v2ErrorCarriesCodeRequestIdAndNeverTheToken() throws {
        let server = try LoopbackServer { _, _ in
            reply(
                404,
                #"{"code":"threadNotFound","message":"No thread ibt_test_secret","#
                    + #""details":null,"requestId":"req_42"}"#)
        }
        let error = try #require(throws: InboxError.self) {
            try server.client().thread(id: "t1")
        }
        #expect(error.kind == .api)
        #expect(error.code == "threadNotFound")
        #expect(error.requestId == "req_42")
        #expect(error.status == 404)
        #expect(
            error.description
                == "thread: GET /threads/t1 -> 404 threadNotFound: No thread <token> "
                + "(request req_42)"
        )
        #expect(!String(describing: error.bodyExcerpt).contains("ibt_test_secret"))
        #expect(server.requests.first?.header("authorization") == "Bearer ibt_test_secret")
        #expect(server.requests.count == 1)
    }

    @Test
    func aShortTokenIsNotSearchedForInTheBody() throws {
        let server = try LoopbackServer { _, _ in
            reply(404, #"{"code":"notFound","message":"no data","details":null}"#)
        }
        var configuration = testConfiguration(
            baseURL: server.baseURL + "/api/v2", clock: server.clock.clock)
        configuration.token = "t"
        let client = InboxClients.make(
            configuration, transport: URLSessionTransport(), cancellation: .init())
        let error = try #require(throws: InboxError.self) { try client.thread(id: "t1") }
        #expect(error.message == "no data")
        #expect(
            error.bodyExcerpt == #"{"code":"notFound","message":"no data","details":null}"#)
        #expect(server.requests.first?.header("authorization") == "Bearer t")
    }

    @Test
    func redactionNeedsATokenOfEightCharacters() {
        #expect(HTTPEngine.redact("data", token: "t") == "data")
        #expect(HTTPEngine.redact("a 1234567 b", token: "1234567") == "a 1234567 b")
        #expect(HTTPEngine.redact("a 12345678 b", token: "12345678") == "a <token> b")
        #expect(HTTPEngine.redact("data", token: nil) == "data")
    }

    @Test
    func cancellationStopsALongCall() throws {
        let server = try LoopbackServer { _, _ in
            Foundation.Thread.sleep(forTimeInterval: 1.5)
            return reply(200, teamJSON)
        }
        let token = CancellationToken()
        let client = server.client(cancellation: token)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { token.cancel() }
        let started = Date()
        let error = try #require(throws: InboxError.self) { try client.team() }
        #expect(error.kind == .cancelled)
        #expect(Date().timeIntervalSince(started) < 1.2)
    }

    @Test func spentQuotaHoldsTheNextRequestUntilTheReset() throws {
        let reset = String(Int(RecordingClock().start.timeIntervalSince1970) + 5)
        let server = try LoopbackServer { _, _ in
            reply(
                200, teamJSON,
                headers: [
                    ("X-RateLimit-Remaining", "0"),
                    ("X-RateLimit-Reset", reset),
                ])
        }
        let client = server.client()
        _ = try client.team()
        #expect(server.clock.slept == [])
        _ = try client.team()
        #expect(server.clock.slept == [5])
    }

    @Test func unavailableWithRetryAfterWaitsAsAsked() throws {
        let server = try LoopbackServer { _, number in
            number == 0
                ? reply(
                    503,
                    #"{"code":"platformUnavailable","message":"X is down","#
                        + #""details":{"retryAfterSeconds":3},"requestId":"r3"}"#)
                : reply(200, teamJSON)
        }
        #expect(try server.client().team().id == "team1")
        #expect(server.clock.slept == [3])
    }
}
