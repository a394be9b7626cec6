import Foundation
import InboxEmulator
import TestSupport
import Testing

/// Bad input gets the version's documented error shape and status, never a crash.
@Suite("EmulatorRouter refuses bad input")
struct EmulatorRouterTests {
    static let versions = ["v1", "v2"]

    /// A write route of each version that takes a JSON body.
    static func writePath(_ version: String, _ harness: EmulatorHarness) -> String {
        let thread =
            harness.call("GET", "/api/v2/threads", query: "limit=1").json?["data"]?
            .arrayValue?.first?["id"]?.stringValue ?? ""
        return "/api/\(version)/threads/\(thread)"
    }

    static func expectError(
        _ reply: EmulatorReply, _ version: String, status: Int, v1: String, v2: String
    ) {
        #expect(reply.status == status)
        if version == "v1" {
            #expect(reply.json?["error"]?["code"] == .string(v1))
            #expect(reply.json?["error"]?["status"] == .integer(Int64(status)))
        } else {
            #expect(reply.json?["code"] == .string(v2))
            #expect(reply.json?["requestId"]?.stringValue?.hasPrefix("req_") == true)
            #expect(reply.headers["x-request-id"] == reply.json?["requestId"]?.stringValue)
        }
    }

    @Test("an encoded slash stays inside its path segment")
    func encodedSlash() throws {
        let harness = try EmulatorHarness()
        let reply = harness.call("GET", "/api/v2/threads/..%2F..%2Faccount-links")

        Self.expectError(reply, "v2", status: 404, v1: "", v2: "threadNotFound")
        #expect(reply.json?["message"] == .string("Thread with ID '../../account-links' not found"))
    }

    @Test("malformed JSON is a 400", arguments: versions)
    func malformedJSON(version: String) throws {
        let harness = try EmulatorHarness()
        let reply = harness.call("PATCH", Self.writePath(version, harness), body: "{\"done\": tru")

        Self.expectError(reply, version, status: 400, v1: "BAD_REQUEST", v2: "invalidRequest")
    }

    @Test("unknown fields are a 400 naming the field", arguments: versions)
    func unknownField(version: String) throws {
        let harness = try EmulatorHarness()
        let reply = harness.call("PATCH", Self.writePath(version, harness), body: #"{"colour": 1}"#)

        Self.expectError(reply, version, status: 400, v1: "BAD_REQUEST", v2: "invalidRequest")
        if version == "v2" {
            let issue = reply.json?["details"]?["issues"]?.arrayValue?.first
            #expect(issue?["path"] == .array([.string("colour")]))
            #expect(issue?["message"] == .string("Unrecognized key"))
        }
    }

    @Test("wrong types are a 400 and change nothing", arguments: versions)
    func wrongType(version: String) throws {
        let harness = try EmulatorHarness()
        let path = Self.writePath(version, harness)
        let field = version == "v1" ? "done" : "archived"
        let reply = harness.call("PATCH", path, body: "{\"\(field)\": \"yes\"}")

        Self.expectError(reply, version, status: 400, v1: "BAD_REQUEST", v2: "invalidRequest")
        let events = harness.call("GET", "/api/v2/events").json?["data"]?.arrayValue
        #expect(events == [])
    }

    @Test("oversized bodies are a 413", arguments: versions)
    func oversized(version: String) throws {
        let harness = try EmulatorHarness()
        let big = "{\"content\": \"" + String(repeating: "x", count: 1 << 20) + "\"}"
        let reply = harness.call("PATCH", Self.writePath(version, harness), body: big)

        Self.expectError(
            reply, version, status: 413, v1: "PAYLOAD_TOO_LARGE", v2: "invalidRequest")
    }

    @Test("unknown paths are a 404", arguments: versions)
    func unknownPath(version: String) throws {
        let harness = try EmulatorHarness()
        let reply = harness.call("GET", "/api/\(version)/nothing/here")

        Self.expectError(reply, version, status: 404, v1: "NOT_FOUND", v2: "notFound")
    }

    @Test("a known path with the wrong method is a 405", arguments: versions)
    func wrongMethod(version: String) throws {
        let harness = try EmulatorHarness()
        let reply = harness.call("PUT", "/api/\(version)/team")

        Self.expectError(
            reply, version, status: 405, v1: "METHOD_NOT_ALLOWED", v2: "methodNotAllowed")
    }

    @Test("a missing or wrong token is a 401", arguments: versions)
    func badToken(version: String) throws {
        let harness = try EmulatorHarness()
        let missing = harness.call("GET", "/api/\(version)/team", token: nil)
        let wrong = harness.call("GET", "/api/\(version)/team", token: "ibt_wrong")

        Self.expectError(missing, version, status: 401, v1: "UNAUTHORIZED", v2: "unauthorized")
        Self.expectError(wrong, version, status: 401, v1: "UNAUTHORIZED", v2: "unauthorized")
        #expect(!wrong.text.contains(EmulatorHarness.token))
        #expect(!wrong.text.contains("ibt_wrong"))
    }

    @Test("a body that is JSON but not an object is a 400", arguments: versions)
    func nonObjectBody(version: String) throws {
        let harness = try EmulatorHarness()
        let reply = harness.call("PATCH", Self.writePath(version, harness), body: "[1, 2]")

        Self.expectError(reply, version, status: 400, v1: "BAD_REQUEST", v2: "invalidRequest")
    }

    @Test("v2 rejects bracketed query arrays; v1 accepts them")
    func bracketQueries() throws {
        let harness = try EmulatorHarness()
        let link = DemoTeam.acmesupport.id
        let v2 = harness.call("GET", "/api/v2/threads", query: "accountLinkId[]=\(link)")
        let v1 = harness.call("GET", "/api/v1/threads", query: "accountLinkIds[0]=\(link)&limit=5")

        #expect(v2.status == 400)
        #expect(v2.errorCode == "invalidRequest")
        let threads = v1.json?["threads"]?.arrayValue ?? []
        #expect(threads.count == 5)
        #expect(threads.allSatisfy { $0["accountLinkId"] == .string(link) })
    }

    @Test(
        "no body, however odd, on any write route gets anything but a documented error or success")
    func oddBodies() throws {
        let harness = try EmulatorHarness()
        let thread = try #require(
            harness.call("GET", "/api/v2/threads", query: "limit=1").json?["data"]?.arrayValue?
                .first)
        let ids = [
            "{threadId}": thread["id"]?.stringValue ?? "",
            "{messageId}": thread["lastMessage"]?["id"]?.stringValue ?? "",
            "{contactId}": thread["contactId"]?.stringValue ?? "",
        ]
        let routes = [
            "PATCH /api/v2/threads/{threadId}", "POST /api/v2/messages",
            "PATCH /api/v2/contacts/{contactId}", "POST /api/v2/tags", "POST /api/v2/statuses",
            "PATCH /api/v2/messages/{messageId}", "POST /api/v2/messages/{messageId}/reactions",
            "PATCH /api/v1/threads/{threadId}", "POST /api/v1/threads",
            "POST /api/v1/threads/messages",
            "POST /api/v1/threads/{threadId}/messages",
            "PATCH /api/v1/prospects/{contactId}/context",
            "PATCH /api/v1/threads/{threadId}/settings", "POST /api/v1/tags",
        ]
        let bodies = [
            "null", "1", "\"text\"", "[]", "{}", #"{"target": []}"#, #"{"target": {"type": 5}}"#,
            #"{"content": null}"#, #"{"addTags": [1, "x"]}"#, #"{"done": "no"}"#,
            #"{"status": {"nested": true}}"#, "{\"content\": \"\u{0}\"}", "\u{FF}\u{FE}", "{",
        ]
        for route in routes {
            let parts = route.split(separator: " ")
            var path = String(parts[1])
            for (placeholder, id) in ids {
                path = path.replacingOccurrences(of: placeholder, with: id)
            }
            for body in bodies {
                let reply = harness.call(String(parts[0]), path, body: body)
                #expect([200, 201, 400, 404, 409, 422].contains(reply.status), "\(route) \(body)")
                #expect(reply.status < 300 || reply.errorCode != nil, "\(route) \(body)")
            }
        }
    }
}
