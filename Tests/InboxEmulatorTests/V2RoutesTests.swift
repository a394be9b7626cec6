import Foundation
import InboxClient
import InboxEmulator
import TestSupport
import Testing

@Suite("V2Routes: the /api/v2 rules")
struct V2RoutesTests {
    static func sendBody(contact: String, link: String, content: String) -> String {
        """
        {"target": {"type": "contact", "accountLinkId": "\(link)", "contactId": "\(contact)"},
         "content": "\(content)"}
        """
    }

    @Test("pages keep a stable order while new threads are created")
    func stablePaging() throws {
        let harness = try EmulatorHarness()
        let expected = try EmulatedInboxTests.inboxIds()
        var seen: [String] = []
        var cursor: String?
        var inserted = 0
        repeat {
            let query = "limit=25" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try #require(harness.call("GET", "/api/v2/threads", query: query).json)
            seen += (page["data"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
            cursor = page["nextCursor"]?.stringValue
            // Contacts 0, 3, 6... talk only to @acmecorp: a send from
            // @acmesupport creates a new thread, at the top of the inbox.
            let contact = try harness.store.demoContactId(inserted * 3)
            let body = Self.sendBody(
                contact: contact, link: DemoTeam.acmesupport.id, content: "New")
            #expect(harness.call("POST", "/api/v2/messages", body: body).status == 201)
            inserted += 1
        } while cursor != nil

        #expect(seen == expected)
        #expect(inserted == (expected.count + 24) / 25)
    }

    @Test("the same Idempotency-Key replays with 200; another body is a 422")
    func idempotentSends() throws {
        let harness = try EmulatorHarness()
        let contact = try harness.store.demoContactId(0)
        let body = Self.sendBody(contact: contact, link: DemoTeam.acmesupport.id, content: "Hello")
        let reordered = """
            {"content": "Hello", "target": {"contactId": "\(contact)", "type": "contact",
             "accountLinkId": "\(DemoTeam.acmesupport.id)"}}
            """
        let key = ["idempotency-key": "job-42"]

        let first = harness.call("POST", "/api/v2/messages", body: body, headers: key)
        let replay = harness.call("POST", "/api/v2/messages", body: reordered, headers: key)
        let other = harness.call(
            "POST", "/api/v2/messages", body: body.replacingOccurrences(of: "Hello", with: "Bye"),
            headers: key)

        #expect(first.status == 201)
        #expect(replay.status == 200)
        #expect(replay.json == first.json)
        #expect(other.status == 422)
        #expect(other.errorCode == "idempotencyKeyReused")
        let sent = harness.call("GET", "/api/v2/events", query: "type=message.sent").json
        #expect(sent?["data"]?.arrayValue?.count == 1)
    }

    @Test("an X id where an Inbox id belongs is a 404")
    func platformIdsAreNotInboxIds() throws {
        let harness = try EmulatorHarness()
        let link = harness.call("GET", "/api/v2/account-links/\(DemoTeam.acmecorp.platformId)")
        let thread = harness.call("GET", "/api/v2/threads/1437502833589490409")

        #expect(link.status == 404)
        #expect(link.errorCode == "accountLinkNotFound")
        #expect(link.json?["details"] == .null)
        #expect(thread.status == 404)
        #expect(thread.errorCode == "threadNotFound")
    }

    @Test("contacts are found by username or X id; no match is an empty page")
    func contactLookup() throws {
        let harness = try EmulatorHarness()
        let id = try harness.store.demoContactId(5)
        let contact = try #require(harness.call("GET", "/api/v2/contacts/\(id)").json)
        let profile = try #require(contact["profiles"]?.arrayValue?.first)
        let username = try #require(profile["username"]?.stringValue)
        let platformId = try #require(profile["platformId"]?.stringValue)

        let byName = harness.call(
            "GET", "/api/v2/contacts", query: "platform=twitter&username=\(username)")
        let byId = harness.call(
            "GET", "/api/v2/contacts", query: "platform=twitter&platformId=\(platformId)")
        let none = harness.call(
            "GET", "/api/v2/contacts", query: "platform=twitter&platformId=1000000000000000001")

        #expect(byName.json?["data"]?.arrayValue?.first?["id"] == .string(id))
        #expect(byId.json?["data"]?.arrayValue?.map { $0["id"] } == [.string(id)])
        #expect(none.status == 200)
        #expect(none.json?["data"] == .array([]))
        #expect(none.json?["nextCursor"] == .null)
    }

    @Test("events are logged with each change and read after a sequence number")
    func events() throws {
        let harness = try EmulatorHarness()
        let thread = try #require(
            harness.call("GET", "/api/v2/threads", query: "limit=1").json?["data"]?.arrayValue?
                .first?["id"]?.stringValue)
        let member = DemoTeam.members[1].id
        let patch = harness.call(
            "PATCH", "/api/v2/threads/\(thread)",
            body: #"{"archived": true, "assigneeId": "\#(member)"}"#)
        let all = try #require(harness.call("GET", "/api/v2/events").json)
        let after = try #require(harness.call("GET", "/api/v2/events", query: "afterSeq=1").json)
        let end = try #require(harness.call("GET", "/api/v2/events", query: "afterSeq=2").json)

        #expect(patch.json?["archived"] == .bool(true))
        #expect(patch.json?["assigneeId"] == .string(member))
        let types = (all["data"]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
        #expect(types == ["thread.archived", "thread.assigned"])
        #expect(all["lastSeq"] == .integer(2))
        #expect(after["data"]?.arrayValue?.first?["data"] == ["assigneeId": .string(member)])
        #expect(end["data"] == .array([]))
        #expect(end["lastSeq"] == .null)
        #expect(end["hasMore"] == .bool(false))
    }

    @Test("tags are put idempotently and statuses set by name")
    func contactChanges() throws {
        let harness = try EmulatorHarness()
        let id = try harness.store.demoContactId(7)
        let untag = harness.call("DELETE", "/api/v2/contacts/\(id)/tags/Press")
        let first = harness.call("PUT", "/api/v2/contacts/\(id)/tags/press")
        let again = harness.call("PUT", "/api/v2/contacts/\(id)/tags/Press")
        let status = harness.call("PATCH", "/api/v2/contacts/\(id)", body: #"{"status": "won"}"#)
        let missing = harness.call("PUT", "/api/v2/contacts/\(id)/tags/Nope")

        let codes: [Int] = [untag.status, first.status, again.status]
        #expect(codes == [204, 204, 204])
        #expect(again.text == "")
        let tagged = harness.call("GET", "/api/v2/events", query: "type=contact.tagsChanged").json
        #expect(tagged?["data"]?.arrayValue?.count ?? 0 >= 1)
        let statuses = harness.call("GET", "/api/v2/statuses").json?["data"]?.arrayValue ?? []
        #expect(status.json?["statusId"] == statuses.first { $0["name"] == "Won" }?["id"])
        #expect(missing.status == 404)
        #expect(missing.errorCode == "tagNotFound")
    }

    @Test("a whole valuation is written without a fraction, as the service writes it")
    func valuationNumbers() throws {
        let harness = try EmulatorHarness()
        let id = try harness.store.demoContactId(3)
        let whole = harness.call("PATCH", "/api/v2/contacts/\(id)", body: #"{"valuation": 1500}"#)
        let fraction = harness.call(
            "PATCH", "/api/v2/contacts/\(id)", body: #"{"valuation": 1500.25}"#)

        #expect(whole.json?["valuation"] == .integer(1500))
        #expect(whole.text.contains(#""valuation":1500,"#))
        #expect(fraction.json?["valuation"] == .double(1500.25))
    }

    @Test("a cursor the server never issued is a 400 invalidCursor")
    func invalidCursor() throws {
        let harness = try EmulatorHarness()
        let reply = harness.call("GET", "/api/v2/threads", query: "cursor=not-a-cursor")

        #expect(reply.status == 400)
        #expect(reply.errorCode == "invalidCursor")
    }

    @Test("a second tag with a taken name is a 409 nameTaken")
    func nameTaken() throws {
        let harness = try EmulatorHarness()
        let created = harness.call(
            "POST", "/api/v2/tags", body: #"{"name": "Hot", "color": "Red"}"#)
        let again = harness.call("POST", "/api/v2/tags", body: #"{"name": "vip"}"#)

        #expect(created.status == 201)
        #expect(created.json?["color"] == .string("#ef4444"))
        #expect(again.status == 409)
        #expect(again.errorCode == "nameTaken")
        #expect(again.json?["details"] == ["name": "vip"])
    }

    @Test("expand embeds the profile, contact, account link and assignee after the ids")
    func expand() throws {
        let harness = try EmulatorHarness()
        let query =
            "folder=all&limit=100&assigneeId=\(DemoTeam.members[1].id)"
            + "&expand=profile&expand=contact&expand=accountLink&expand=assignee"
        let page = harness.call("GET", "/api/v2/threads", query: query)
        let thread = try #require(page.json?["data"]?.arrayValue?.first)
        let tooMany = harness.call(
            "GET", "/api/v2/threads", query: String(repeating: "expand=profile&", count: 5))

        #expect(thread["contact"]?["id"] == thread["contactId"])
        #expect(thread["profile"]?["id"] == thread["profileId"])
        #expect(thread["accountLink"]?["id"] == thread["accountLinkId"])
        #expect(thread["assignee"]?["email"] == .string(DemoTeam.members[1].email))
        let keys = Array(thread.objectValue?.keys.suffix(4) ?? [])
        #expect(keys == ["profile", "contact", "accountLink", "assignee"])
        #expect(tooMany.status == 400)
    }

    @Test("concurrent sends over HTTP are all kept, with one event each, in sequence")
    func concurrentSends() async throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        let thread = try #require(
            harness.call("GET", "/api/v2/threads", query: "limit=1").json?["data"]?.arrayValue?
                .first?["id"]?.stringValue)
        let headers = [
            "Authorization": "Bearer \(EmulatorHarness.token)", "Content-Type": "application/json",
        ]

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<24 {
                group.addTask {
                    let body =
                        #"{"target": {"type": "thread", "threadId": "\#(thread)"}, "#
                        + #""content": "parallel \#(index)"}"#
                    return try await fetch(
                        server.baseURL + "/api/v2/messages", method: "POST", headers: headers,
                        body: Data(body.utf8)
                    ).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        #expect(statuses == Array(repeating: 201, count: 24))
        let events = harness.call("GET", "/api/v2/events").json?["data"]?.arrayValue ?? []
        #expect(events.compactMap { $0["seq"]?.integerValue } == Array(1...24))
        let messages =
            harness.call(
                "GET", "/api/v2/threads/\(thread)/messages", query: "limit=24"
            ).json?["data"]?.arrayValue ?? []
        #expect(Set(messages.compactMap { $0["content"]?.stringValue }).count == 24)
    }

    @Test("edits, deletions and typing are refused as the account link's capabilities say")
    func capabilities() throws {
        let harness = try EmulatorHarness()
        let thread = try #require(
            harness.call("GET", "/api/v2/threads", query: "limit=1").json?["data"]?.arrayValue?
                .first)
        let message = try #require(thread["lastMessage"]?["id"]?.stringValue)
        let threadId = try #require(thread["id"]?.stringValue)

        let edit = harness.call("PATCH", "/api/v2/messages/\(message)", body: #"{"content": "x"}"#)
        let unscoped = harness.call("DELETE", "/api/v2/messages/\(message)")
        let unsend = harness.call("DELETE", "/api/v2/messages/\(message)", query: "scope=all")
        let typing = harness.call("POST", "/api/v2/threads/\(threadId)/typing")
        let history = harness.call("GET", "/api/v2/messages/\(message)/history")
        let missing = harness.call(
            "PATCH", "/api/v2/messages/nosuchmessage", body: #"{"content": "x"}"#)

        #expect(edit.status == 422)
        #expect(edit.json?["details"] == ["capability": "message:edit"])
        #expect(unscoped.status == 400)
        #expect(unsend.json?["details"] == ["capability": "message:unsend"])
        #expect(typing.json?["details"] == ["capability": "thread:typing:send"])
        #expect(history.json?["versions"]?.arrayValue?.count == 1)
        #expect(history.json?["deletion"] == .null)
        #expect(missing.status == 404)
        #expect(missing.errorCode == "messageNotFound")
    }

    @Test("a simulated reply comes in unread, unarchived, at the top, as message.received")
    func receive() throws {
        let harness = try EmulatorHarness()
        let archived = try #require(
            harness.call("GET", "/api/v2/threads", query: "folder=archived&limit=1").json?["data"]?
                .arrayValue?.first?["id"]?.stringValue)

        let message = try harness.store.receive(threadId: archived, content: "Any update?")

        let top = harness.call("GET", "/api/v2/threads", query: "limit=1").json?["data"]?
            .arrayValue?.first
        #expect(top?["id"] == .string(archived))
        #expect(top?["unread"] == .bool(true))
        #expect(top?["activity"]?["preview"] == .string("Any update?"))
        #expect(top?["lastMessage"]?["direction"] == .string("inbound"))
        let types = harness.call("GET", "/api/v2/events").json?["data"]?.arrayValue?
            .compactMap { $0["type"]?.stringValue }
        #expect(types == ["thread.unarchived", "message.received"])
        #expect(harness.call("GET", "/api/v2/messages/\(message)").json?["sentBy"] == .null)
        #expect(throws: EmulatorFailure.self) {
            try harness.store.receive(threadId: "nosuchthread", content: "x")
        }
    }
}
