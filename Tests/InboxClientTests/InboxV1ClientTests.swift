import Foundation
import HTTPServer
import Testing

@testable import InboxClient

/// v1 wire format: indexed brackets, flat arrays, `{timestamp, id}` cursors, quick send.
@Suite struct InboxV1ClientTests {
    static func client(_ transport: ScriptedTransport) -> InboxV1Client {
        InboxV1Client(
            configuration: testConfiguration(
                .v1, baseURL: "http://inbox.test/api/v1",
                clock: RecordingClock().clock), transport: transport)
    }

    @Test func threadFiltersUseIndexedBrackets() throws {
        let server = try LoopbackServer { _, _ in reply(example: "v1-threads-list-page.json") }
        let query = ThreadQuery(
            accountLinkIds: ["a1", "a2"], folder: .noReply,
            tags: ["t1"], noStatus: true, unassigned: true, campaignIds: ["c1"], order: .asc,
            limit: 1)
        let page = try server.client(.v1).threads(
            query,
            cursor: PageCursor("2025-01-15T14:30:00.000Z|thread1"))
        #expect(page.items.map(\.id) == ["thread000000000000000001"])
        #expect(page.nextCursor == PageCursor("2025-01-15T14:30:00.000Z|thread000000000000000001"))
        let request = try #require(server.requests.first)
        #expect(request.path == "/api/v1/threads")
        #expect(
            request.rawQuery
                == "accountLinkIds%5B0%5D=a1&accountLinkIds%5B1%5D=a2&inbox=no-reply"
                + "&filters%5Btags%5D%5BselectedIds%5D%5B0%5D=t1"
                + "&filters%5Bstatuses%5D%5BnoStatus%5D=true"
                + "&filters%5Bassignees%5D%5BnoAssignee%5D=true"
                + "&filters%5Bcampaigns%5D%5BselectedIds%5D%5B0%5D=c1"
                + "&filters%5BsortOrder%5D=asc&limit=1"
                + "&cursorId=thread1&cursorTimestamp=2025-01-15T14%3A30%3A00.000Z")
        #expect(request.queryValue("accountLinkIds[1]") == "a2")
    }

    @Test func v2OnlyFeaturesAreRejected() throws {
        let client = Self.client(ScriptedTransport(json: "[]"))
        let search = try #require(throws: InboxError.self) {
            try client.threads(ThreadQuery(search: "x"), cursor: nil)
        }
        #expect(search.message == "search is not supported by API v1")
        #expect(search.kind == .unsupported(.v1))
        #expect(throws: InboxError.self) { try client.platforms() }
        #expect(throws: InboxError.self) {
            try client.updateThread(id: "t", ThreadUpdate(unread: true))
        }
        #expect(throws: InboxError.self) {
            try client.threads(ThreadQuery(folder: .all), cursor: nil)
        }
    }

    @Test func accountLinksAreFilteredClientSide() throws {
        let client = Self.client(
            ScriptedTransport(
                json: String(
                    decoding:
                        try example("v1-account-links-list.json").serialized(), as: UTF8.self)))
        let page = try client.accountLinks(AccountLinkQuery(statuses: ["offline"]), cursor: nil)
        #expect(page.items.map(\.id) == ["accountlink0000000000002"])
        #expect(page.nextCursor == nil)
    }

    @Test func quickSendByXIdAndLookupReturningNull() throws {
        let quick = String(
            decoding: try example("v1-quick-send-response.json").serialized(),
            as: UTF8.self)
        let transport = ScriptedTransport { request, _ in
            TransportResponse(
                status: 200,
                body: Data((request.method == "POST" ? quick : "null").utf8))
        }
        let client = Self.client(transport)
        let sent = try client.send(
            SendRequest(
                target: .person(accountLinkId: "al1", .platformId("1566123362161725441")),
                content: "Hello"))
        #expect(sent.threadId == "thread000000000000000001")
        #expect(
            try client.findThread(
                accountLinkId: "al1",
                person: .platformId("1566123362161725441")) == nil)
        #expect(
            transport.requests.map(\.url) == [
                "http://inbox.test/api/v1/threads/messages",
                "http://inbox.test/api/v1/threads/lookup?accountLinkId=al1"
                    + "&externalPlatformId=1566123362161725441",
            ])
        #expect(
            transport.requests.first?.body.map { String(decoding: $0, as: UTF8.self) }
                == #"{"accountLinkId":"al1","content":"Hello","#
                + #""externalPlatformId":"1566123362161725441"}"#)
    }

    @Test func sendThatFailsAmbiguouslyIsNotRetried() throws {
        let server = try LoopbackServer { _, _ in .dropConnection }
        let error = try #require(throws: InboxError.self) {
            try server.client(.v1).send(SendRequest(target: .thread(id: "t1"), content: "Hi"))
        }
        #expect(error.kind == .mayHaveBeenDelivered)
        #expect(error.operation == "send")
        #expect(error.path == "/threads/t1/messages")
        #expect(server.requests.count == 1)
    }

    @Test func serverErrorOnSendIsNotRetried() throws {
        let server = try LoopbackServer { _, _ in
            reply(500, #"{"error":{"code":"INTERNAL","message":"oops","status":500}}"#)
        }
        let error = try #require(throws: InboxError.self) {
            try server.client(.v1).send(SendRequest(target: .thread(id: "t1"), content: "Hi"))
        }
        #expect(error.kind == .mayHaveBeenDelivered)
        #expect(error.code == "INTERNAL")
        #expect(server.requests.count == 1)
    }

    @Test func sendIntoAThreadWrapsTheBareMessage() throws {
        let message = String(
            decoding: try example("v1-send-message-response.json")
                .serialized(), as: UTF8.self)
        let transport = ScriptedTransport(json: message)
        let sent = try Self.client(transport).send(
            SendRequest(
                target: .thread(id: "t1"),
                content: "Hi", replyToMessageId: "m1"))
        #expect(sent.json["thread"] == ["id": .string(sent.message.threadId)])
        #expect(sent.json["message"] == (try example("v1-send-message-response.json")))
        #expect(
            transport.requests.first?.body.map { String(decoding: $0, as: UTF8.self) }
                == #"{"content":"Hi","replyToMessageId":"m1"}"#)
    }

    @Test func personUpdateIsOneContextPatch() throws {
        let transport = ScriptedTransport(
            json: String(
                decoding:
                    try example("v1-prospect.json").serialized(), as: UTF8.self))
        let person = try Self.client(transport).updatePerson(
            id: "p1",
            PersonUpdate(
                status: .set("s1"), notes: .clear, addTags: ["t1"], removeTags: ["t2"],
                assigneeId: .set("m1")))
        #expect(person.statusId == "status000000000000000001")
        #expect(
            transport.requests.map { "\($0.method) \($0.url)" }
                == ["PATCH http://inbox.test/api/v1/prospects/p1/context"])
        #expect(
            transport.requests.first?.body.map { String(decoding: $0, as: UTF8.self) }
                == #"{"statusId":"s1","notes":null,"addTags":["t1"],"removeTags":["t2"],"#
                + #""assigneeId":"m1"}"#)
    }

    @Test func messageEditNeedsTheThreadId() throws {
        let error = try #require(throws: InboxError.self) {
            try Self.client(ScriptedTransport(json: "{}")).editMessage(
                MessageRef(messageId: "m1"), content: "x")
        }
        #expect(error.kind == .invalidArgument)
        #expect(error.message == "API v1 needs the thread id of message m1")
    }
}
