import Foundation
import HTTPServer
import Testing

@testable import InboxClient

/// v2 wire format: paths, repeated keys, percent-encoding, bodies, idempotent sends.
@Suite struct InboxV2ClientTests {
    @Test func threadFiltersUseRepeatedKeysAndEncodePlus() throws {
        let server = try LoopbackServer { _, _ in reply(200, #"{"data":[],"nextCursor":null}"#) }
        let query = ThreadQuery(
            accountLinkIds: ["a1", "a2"], folder: .noReply,
            tags: ["vip", "hot lead"], statuses: ["s1"], assigneeIds: ["m1"],
            campaignIds: ["c1"], search: "a+b c&d", order: .asc, limit: 25,
            expand: ["contact", "profile"])
        let page = try server.client().threads(query, cursor: PageCursor("x=1"))
        #expect(page.items.isEmpty)
        #expect(page.nextCursor == nil)
        let request = try #require(server.requests.first)
        #expect(request.path == "/api/v2/threads")
        #expect(
            request.rawQuery == "accountLinkId=a1&accountLinkId=a2&folder=noReply"
                + "&tag=vip&tag=hot%20lead&status=s1&assigneeId=m1&campaignId=c1"
                + "&q=a%2Bb%20c%26d&order=asc&expand=contact&expand=profile&limit=25"
                + "&cursor=x%3D1")
        #expect(request.queryValue("q") == "a+b c&d")
        #expect(request.queryValues("accountLinkId") == ["a1", "a2"])
    }

    @Test func v1OnlyFiltersAreRejected() throws {
        let client = InboxV2Client(
            configuration: testConfiguration(clock: RecordingClock().clock),
            transport: ScriptedTransport(json: "{}"))
        let error = try #require(throws: InboxError.self) {
            try client.threads(ThreadQuery(noTags: true), cursor: nil)
        }
        #expect(error.kind == .unsupported(.v2))
        #expect(error.message == "the noTags filter is not supported by API v2")
        #expect(throws: InboxError.self) {
            try client.createThread(accountLinkId: "a", person: .externalId("c"))
        }
    }

    @Test func sendRetriedAfterADropReusesTheKeyAndDeliversOnce() throws {
        let delivered = Delivered()
        let result = try String(
            decoding: example("v2-send-result.json").serialized(),
            as: UTF8.self)
        let server = try LoopbackServer { request, number in
            let key = request.header("idempotency-key") ?? ""
            let isNew = delivered.deliver(key)
            if number == 0 { return .dropConnection }
            return reply(isNew ? 201 : 200, result)
        }
        let sent = try server.client().send(
            SendRequest(
                target: .person(accountLinkId: "al1", .externalId("contact1")), content: "Hi +1"))
        #expect(sent.message.id == "message00000000000000001")
        let keys = server.requests.map { $0.header("idempotency-key") }
        #expect(keys.count == 2)
        #expect(keys[0] != nil && keys[0] == keys[1])
        #expect(delivered.count == 1)
        let body = try JSONValue.parse(Data(try #require(server.requests.first).body))
        #expect(
            body == [
                "target": [
                    "type": "contact", "accountLinkId": "al1",
                    "contactId": "contact1",
                ], "content": "Hi +1",
            ])
    }

    @Test func sendUnconfirmedIsNeverRetried() throws {
        let server = try LoopbackServer { _, _ in
            reply(
                502,
                #"{"code":"sendUnconfirmed","message":"Platform did not confirm","#
                    + #""details":{"messageId":"m9"},"requestId":"r9"}"#)
        }
        let error = try #require(throws: InboxError.self) {
            try server.client().send(
                SendRequest(
                    target: .thread(id: "t1"), content: "x",
                    idempotencyKey: "job-7"))
        }
        #expect(error.kind == .mayHaveBeenDelivered)
        #expect(error.code == "sendUnconfirmed")
        #expect(error.details == ["messageId": "m9"])
        #expect(
            error.message == "Platform did not confirm; the message may have been "
                + "delivered, so it was not retried")
        #expect(server.requests.map { $0.header("idempotency-key") } == ["job-7"])
    }

    @Test func profileTargetKeepsTheXIdAsAString() throws {
        let transport = ScriptedTransport(
            status: 201,
            json: String(
                decoding: try example("v2-send-result.json").serialized(),
                as: UTF8.self))
        let client = InboxV2Client(
            configuration: testConfiguration(clock: RecordingClock().clock),
            transport: transport)
        _ = try client.send(
            SendRequest(
                target: .person(accountLinkId: "al1", .platformId("1566123362161725441")),
                content: "hello", replyToMessageId: "m0"))
        let body = try JSONValue.parse(try #require(transport.requests.first?.body))
        #expect(
            body.jsonText == #"{"target":{"type":"profile","accountLinkId":"al1","#
                + #""platform":"twitter","platformId":"1566123362161725441"},"content":"hello","#
                + #""replyToMessageId":"m0"}"#)
    }

    @Test func updatesSendOnlyTheGivenFields() throws {
        let thread = try String(decoding: example("v2-thread.json").serialized(), as: UTF8.self)
        let contact = try String(decoding: example("v2-contact.json").serialized(), as: UTF8.self)
        let transport = ScriptedTransport { request, _ in
            let body = request.url.contains("/threads/") ? thread : contact
            return TransportResponse(
                status: request.method == "PUT" ? 204 : 200,
                body: request.method == "PUT" ? Data() : Data(body.utf8))
        }
        let client = InboxV2Client(
            configuration: testConfiguration(clock: RecordingClock().clock),
            transport: transport)
        _ = try client.updateThread(id: "t1", ThreadUpdate(archived: true, assigneeId: .clear))
        let person = try client.updatePerson(
            id: "c1",
            PersonUpdate(
                status: .set("Won"),
                valuation: .set(1500), addTags: ["vip"]))
        #expect(person.id == "contact00000000000000001")
        #expect(
            transport.requests.map { "\($0.method) \($0.url)" } == [
                "PATCH http://inbox.test/api/v2/threads/t1",
                "PATCH http://inbox.test/api/v2/contacts/c1",
                "PUT http://inbox.test/api/v2/contacts/c1/tags/vip",
                "GET http://inbox.test/api/v2/contacts/c1",
            ])
        #expect(
            transport.requests.map { $0.body.map { String(decoding: $0, as: UTF8.self) } }
                == [
                    #"{"archived":true,"assigneeId":null}"#,
                    #"{"status":"Won","valuation":1500.0}"#,
                    nil, nil,
                ])
    }

    @Test func anXIdAsAccountLinkIdIsCaughtBeforeSending() throws {
        let transport = ScriptedTransport(json: "{}")
        let client = InboxV2Client(
            configuration: testConfiguration(clock: RecordingClock().clock), transport: transport)
        let error = try #require(throws: InboxError.self) {
            try client.send(
                SendRequest(
                    target: .person(accountLinkId: "1566123362161725440", .externalId("c1")),
                    content: "Hi"))
        }
        #expect(error.kind == .invalidArgument)
        #expect(
            error.message == "accountLinkId \"1566123362161725440\" looks like an X platform id; "
                + "use the account link's id (see the account links list)")
        #expect(transport.requests.isEmpty)
    }
}

/// Idempotency keys a fake server has delivered.
private final class Delivered: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: Set<String> = []

    func deliver(_ key: String) -> Bool { lock.withLock { keys.insert(key).inserted } }
    var count: Int { lock.withLock { keys.count } }
}
