import Foundation
import InboxClient
import InboxEmulator
import InboxNetworking
import TestSupport
import Testing

@Suite("EmulatorServer: the emulator over HTTP on loopback")
struct EmulatorServerTests {
    static let auth = ["Authorization": "Bearer \(EmulatorHarness.token)"]

    static func get(_ server: EmulatorServer, _ path: String, headers: [String: String] = auth)
        async throws -> EmulatorReply
    {
        EmulatorReply(try await fetch(server.baseURL + path, headers: headers))
    }

    @Test("serves both versions on an ephemeral 127.0.0.1 port")
    func serves() async throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }

        let v1 = try await Self.get(server, "/api/v1/account-links")
        let v2 = try await Self.get(server, "/api/v2/account-links")

        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        #expect(server.port != 0)
        #expect(v1.json?.arrayValue?.count == 2)
        #expect(v2.json?["data"]?.arrayValue?.count == 2)
        #expect(v2.headers["content-type"] == "application/json")
    }

    @Test("a missing token over HTTP is a 401")
    func missingToken() async throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }

        let reply = try await Self.get(server, "/api/v2/team", headers: [:])

        #expect(reply.status == 401)
        #expect(reply.errorCode == "unauthorized")
    }

    @Test("a body over the server's limit is a 413 in the documented shape")
    func oversizedOverHTTP() async throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve(maxBodyBytes: 4096)
        defer { server.stop() }
        let body = Data(("{\"content\": \"" + String(repeating: "y", count: 8000) + "\"}").utf8)

        let reply = EmulatorReply(
            try await fetch(
                server.baseURL + "/api/v1/threads/messages", method: "POST", headers: Self.auth,
                body: body))

        #expect(reply.status == 413)
        #expect(reply.json?["error"]?["code"] == .string("PAYLOAD_TOO_LARGE"))
    }

    @Test("a declared Content-Length over the limit is a 413 before the body arrives")
    func declaredLengthOverLimit() throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        // curl sends the declared length as given, then only 3 bytes: without
        // an early answer it would wait for the rest until --max-time.
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = [
            "-s", "--max-time", "10", "-X", "POST", "-H", "Content-Length: 99999999999",
            "-H", "Authorization: Bearer \(EmulatorHarness.token)", "--data-binary", "abc",
            "-w", "\n%{http_code}", server.baseURL + "/api/v2/messages",
        ]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let text = String(
            decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curl.waitUntilExit()

        let lines = text.split(separator: "\n")
        let body = try JSONValue.parse(Data((lines.first ?? "").utf8))
        #expect(lines.last == "413")
        #expect(body["code"] == .string("invalidRequest"))
        #expect(body["requestId"]?.stringValue?.hasPrefix("req_") == true)
    }

    @Test("injected 429 and 500 answer the next requests, then service resumes")
    func injectedStatuses() async throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        server.faults.inject(.rateLimited(retryAfterSeconds: 7), count: 2)
        server.faults.inject(.serverError)

        let first = try await Self.get(server, "/api/v2/team")
        let second = try await Self.get(server, "/api/v1/team")
        let third = try await Self.get(server, "/api/v2/team")
        let fourth = try await Self.get(server, "/api/v2/team")

        #expect(first.status == 429)
        #expect(first.headers["retry-after"] == "7")
        #expect(first.errorCode == "rateLimited")
        #expect(second.json?["error"]?["code"] == .string("RATE_LIMITED"))
        #expect(third.status == 500)
        #expect(third.errorCode == "internal")
        #expect(fourth.status == 200)
        #expect(server.faults.pending == 0)
    }

    @Test("an injected drop closes the connection without an answer")
    func droppedConnection() async throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        server.faults.inject(.dropConnection)

        await #expect(throws: (any Error).self) {
            _ = try await fetch(server.baseURL + "/api/v2/team", headers: Self.auth)
        }
        #expect(try await Self.get(server, "/api/v2/team").status == 200)
    }

    @Test("an injected delay answers late but correctly")
    func delayed() async throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        server.faults.inject(.delay(milliseconds: 400))

        let start = Date()
        let reply = try await Self.get(server, "/api/v2/team")

        #expect(Date().timeIntervalSince(start) >= 0.4)
        #expect(reply.json?["name"] == .string(DemoTeam.teamName))
    }

    @Test("the v2 client retries an injected 429 and succeeds")
    func clientRetries() throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        server.faults.inject(.rateLimited(retryAfterSeconds: 1))
        let inbox = InboxClients.make(
            InboxConfiguration(
                baseURL: server.baseURL + "/api/v2", token: EmulatorHarness.token, timeout: 10,
                rateLimits: []),
            transport: URLSessionTransport())

        let team = try inbox.team()

        #expect(team.name == DemoTeam.teamName)
        #expect(server.faults.pending == 0)
    }
}
