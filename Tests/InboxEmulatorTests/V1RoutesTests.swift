import InboxClient
import InboxEmulator
import TestSupport
import Testing

@Suite("V1Routes: the /api/v1 rules")
struct V1RoutesTests {
    @Test("lists are flat arrays; threads and messages are pages")
    func shapes() throws {
        let harness = try EmulatorHarness()
        let threads = try #require(harness.call("GET", "/api/v1/threads").json)
        let thread = try #require(threads["threads"]?.arrayValue?.first?["id"]?.stringValue)
        let messages = try #require(harness.call("GET", "/api/v1/threads/\(thread)/messages").json)

        #expect(harness.call("GET", "/api/v1/tags").json?.arrayValue?.count == 6)
        #expect(harness.call("GET", "/api/v1/statuses").json?.arrayValue?.count == 5)
        #expect(harness.call("GET", "/api/v1/members").json?.arrayValue?.count == 4)
        #expect(threads["threads"]?.arrayValue?.count == 20)
        #expect(threads["nextCursor"]?["id"] == threads["threads"]?.arrayValue?.last?["id"])
        #expect(messages["threadId"] == .string(thread))
        #expect(messages["teamId"] == .string(DemoTeam.teamId))
        #expect(messages["isSyncing"] == .bool(false))
    }

    @Test("lookup answers null when there is no thread, and quick send creates it")
    func lookupAndQuickSend() throws {
        let harness = try EmulatorHarness()
        let contact = try harness.store.demoContactId(3)
        let query = "accountLinkId=\(DemoTeam.acmesupport.id)&externalId=\(contact)"

        let before = harness.call("GET", "/api/v1/threads/lookup", query: query)
        let sent = harness.call(
            "POST", "/api/v1/threads/messages",
            body: """
                {"accountLinkId": "\(DemoTeam.acmesupport.id)", "externalId": "\(contact)",
                 "content": "Hi from support"}
                """)
        let after = harness.call("GET", "/api/v1/threads/lookup", query: query)

        #expect(before.status == 200)
        #expect(before.text == "null")
        #expect(sent.status == 200)
        #expect(sent.json?["message"]?["content"] == .string("Hi from support"))
        #expect(sent.json?["message"]?["origin"] == .string("api"))
        #expect(after.json?["id"] == sent.json?["thread"]?["id"])
        #expect(after.json?["lastMessage"]?["content"] == .string("Hi from support"))
    }

    @Test("cursor pages follow each other in both cursor spellings, which can't be mixed")
    func cursors() throws {
        let harness = try EmulatorHarness()
        let first = try #require(harness.call("GET", "/api/v1/threads", query: "limit=3").json)
        let next = try #require(first["nextCursor"])
        let id = try #require(next["id"]?.stringValue)
        let time = try #require(next["timestamp"]?.stringValue)

        let modern = harness.call(
            "GET", "/api/v1/threads", query: "limit=3&cursorId=\(id)&cursorTimestamp=\(time)")
        let legacy = harness.call(
            "GET", "/api/v1/threads",
            query: "limit=3&cursor%5Bid%5D=\(id)&cursor%5Btimestamp%5D=\(time)")
        let mixed = harness.call(
            "GET", "/api/v1/threads", query: "cursorId=\(id)&cursor%5Btimestamp%5D=\(time)")

        let firstIds = first["threads"]?.arrayValue?.map { $0["id"] } ?? []
        let secondIds = modern.json?["threads"]?.arrayValue?.map { $0["id"] } ?? []
        #expect(secondIds.count == 3)
        #expect(Set(firstIds).isDisjoint(with: Set(secondIds)))
        #expect(legacy.json == modern.json)
        #expect(mixed.status == 400)
        #expect(mixed.errorCode == "BAD_REQUEST")
    }

    @Test("lookup by username finds the prospect's threads on both account links")
    func lookupByUsername() throws {
        let harness = try EmulatorHarness()
        let contact = try harness.store.demoContactId(4)
        let prospect = try #require(harness.call("GET", "/api/v1/prospects/\(contact)").json)
        let username = try #require(prospect["username"]?.stringValue)

        let all = harness.call(
            "GET", "/api/v1/threads/lookup-by-username", query: "username=\(username)")
        let narrowed = harness.call(
            "GET", "/api/v1/threads/lookup-by-username",
            query: "username=\(username)&accountLinkIds%5B%5D=\(DemoTeam.acmecorp.id)")

        let links = all.json?.arrayValue?.compactMap { $0["accountLinkId"]?.stringValue }
        #expect(Set(links ?? []) == [DemoTeam.acmecorp.id, DemoTeam.acmesupport.id])
        #expect(narrowed.json?.arrayValue?.count == 1)
        #expect(prospect["context"]?["threads"]?.arrayValue?.count == 2)
    }

    @Test("prospect context updates fan assignee and done out to every thread")
    func prospectFanOut() throws {
        let harness = try EmulatorHarness()
        let contact = try harness.store.demoContactId(7)
        let member = DemoTeam.members[2].id
        let tags = harness.call("GET", "/api/v1/tags").json?.arrayValue ?? []
        let lead = try #require(tags.first { $0["name"] == "Lead" }?["id"]?.stringValue)

        let updated = harness.call(
            "PATCH", "/api/v1/prospects/\(contact)/context",
            body:
                #"{"done": true, "assigneeId": "\#(member)", "#
                + #""addTags": ["\#(lead)"], "notes": "Call back"}"#
        )
        let threads = updated.json?["context"]?["threads"]?.arrayValue ?? []

        #expect(updated.status == 200)
        #expect(updated.json?["context"]?["notes"] == .string("Call back"))
        #expect(updated.json?["context"]?["tags"]?.arrayValue?.contains(.string(lead)) == true)
        #expect(threads.count == 2)
        for summary in threads {
            let thread = harness.call("GET", "/api/v1/threads/\(summary["id"]?.stringValue ?? "")")
            #expect(thread.json?["done"] == .bool(true))
            #expect(thread.json?["assigneeId"] == .string(member))
        }
    }

    @Test("unknown ids are 404s with v1 codes")
    func notFound() throws {
        let harness = try EmulatorHarness()
        let thread = harness.call("GET", "/api/v1/threads/1566123362161725441")
        let prospect = harness.call("GET", "/api/v1/prospects/nosuchprospect")
        let link = harness.call(
            "POST", "/api/v1/threads",
            body: #"{"accountLinkId": "1566123362161725441", "externalPlatformId": "123"}"#)

        #expect(thread.status == 404)
        #expect(thread.json?["error"]?["code"] == .string("THREAD_NOT_FOUND"))
        #expect(prospect.json?["error"]?["code"] == .string("PROSPECT_NOT_FOUND"))
        #expect(link.json?["error"]?["code"] == .string("ACCOUNT_LINK_NOT_FOUND"))
    }

    @Test("v1 events name message.created and prospect.* types")
    func legacyEventTypes() throws {
        let harness = try EmulatorHarness()
        let contact = try harness.store.demoContactId(9)
        _ = harness.call(
            "PATCH", "/api/v1/prospects/\(contact)/context", body: #"{"valuation": 1200}"#)
        let thread = try #require(
            harness.call("GET", "/api/v1/threads", query: "limit=1").json?["threads"]?.arrayValue?
                .first?["id"]?.stringValue)
        _ = harness.call(
            "POST", "/api/v1/threads/\(thread)/messages", body: #"{"content": "Thanks"}"#)
        let events = harness.call("GET", "/api/v1/events").json

        let types = events?["events"]?.arrayValue?.compactMap { $0["type"]?.stringValue }
        #expect(types == ["prospect.valuationChanged", "message.created"])
        #expect(events?["lastSeq"] == .integer(2))
    }

    @Test("thread settings, typing, label deletion and refused reactions")
    func settingsAndLabels() throws {
        let harness = try EmulatorHarness()
        let thread = try #require(
            harness.call("GET", "/api/v1/threads", query: "limit=1").json?["threads"]?.arrayValue?
                .first)
        let id = try #require(thread["id"]?.stringValue)
        let message = try #require(thread["lastMessage"]?["id"]?.stringValue)
        let tag = try #require(
            harness.call("POST", "/api/v1/tags", body: #"{"name": "Temp"}"#).json)

        let settings = harness.call(
            "PATCH", "/api/v1/threads/\(id)/settings", body: #"{"typingIndicatorsEnabled": false}"#)
        let typing = harness.call("POST", "/api/v1/threads/\(id)/typing")
        let react = harness.call(
            "POST", "/api/v1/threads/\(id)/messages/\(message)/reactions/reactions",
            body: #"{"emoji": "👍"}"#)
        let deleted = harness.call("DELETE", "/api/v1/tags/\(tag["id"]?.stringValue ?? "")")

        #expect(settings.json == ["threadId": .string(id), "typingIndicatorsEnabled": false])
        #expect(
            harness.call("GET", "/api/v1/threads/\(id)").json?["typingIndicatorsEnabled"]
                == .bool(false))
        #expect(typing.json == ["status": "skipped", "reason": "unsupported"])
        #expect(react.status == 422)
        #expect(react.json?["error"]?["code"] == .string("UNPROCESSABLE_ENTITY"))
        #expect(deleted.status == 200)
        #expect(deleted.text == "")
        #expect(harness.call("GET", "/api/v1/tags").json?.arrayValue?.count == 6)
    }
}
