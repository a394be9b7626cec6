import Foundation
import InboxClient
import InboxEmulator
import InboxNetworking
import TestSupport
import Testing

/// One behavioural suite, run three ways: the emulator in process, and the
/// emulator over HTTP through the v1 client and through the v2 client. Each
/// way starts from its own fresh (identical) demo team, so all three must
/// give the same answers.
@Suite("The emulator behaves the same in process and over HTTP (v1 and v2)")
struct EmulatedInboxTests {
    enum Way: String, CaseIterable, CustomTestStringConvertible {
        case inProcess = "in process"
        case v1OverHTTP = "v1 over HTTP"
        case v2OverHTTP = "v2 over HTTP"
        var testDescription: String { rawValue }
    }

    /// A fresh team and an `Inbox` reaching it the chosen way.
    final class Subject: Sendable {
        let harness: EmulatorHarness
        let server: EmulatorServer?
        let inbox: any Inbox

        init(_ way: Way) throws {
            harness = try EmulatorHarness()
            switch way {
            case .inProcess:
                server = nil
                inbox = EmulatedInbox.open(store: harness.store, observer: ConformanceLog.observer)
            case .v1OverHTTP, .v2OverHTTP:
                let version: APIVersion = way == .v1OverHTTP ? .v1 : .v2
                let server = try harness.serve()
                self.server = server
                let configuration = InboxConfiguration(
                    version: version, baseURL: server.baseURL + "/api/\(version.rawValue)",
                    token: EmulatorHarness.token, timeout: 10, rateLimits: [])
                inbox = InboxClients.make(configuration, transport: URLSessionTransport())
            }
        }

        deinit { server?.stop() }
    }

    @Test("lists the demo team's account links", arguments: Way.allCases)
    func accountLinks(way: Way) throws {
        let subject = try Subject(way)
        let links = try subject.inbox.accountLinks(AccountLinkQuery(), cursor: nil).items

        #expect(links.map(\.id) == [DemoTeam.acmecorp.id, DemoTeam.acmesupport.id])
        #expect(links.map(\.platformId) == ["1876543210987654321", "1566123362161725441"])
        #expect(links.map(\.username) == ["acmecorp", "acmesupport"])
    }

    @Test(
        "finds no thread where there is none, then quick send creates it", arguments: Way.allCases)
    func quickSendCreatesThread(way: Way) throws {
        let subject = try Subject(way)
        let contact = try subject.harness.store.demoContactId(0)
        let person = PersonRef.externalId(contact)
        let link = DemoTeam.acmesupport.id

        #expect(try subject.inbox.findThread(accountLinkId: link, person: person) == nil)
        let result = try subject.inbox.send(
            SendRequest(target: .person(accountLinkId: link, person), content: "Welcome!"))
        let found = try #require(try subject.inbox.findThread(accountLinkId: link, person: person))

        #expect(found.id == result.threadId)
        #expect(found.accountLinkId == link)
        #expect(result.message.content == "Welcome!")
        let newest = try subject.inbox.messages(
            threadId: found.id, MessageQuery(limit: 1), cursor: nil
        ).items
        #expect(newest.map(\.content) == ["Welcome!"])
    }

    @Test("pages through the inbox without repeats, in the same order", arguments: Way.allCases)
    func paging(way: Way) throws {
        let subject = try Subject(way)
        var ids: [String] = []
        var cursor: PageCursor?
        repeat {
            let page = try subject.inbox.threads(
                ThreadQuery(folder: .inbox, limit: 40), cursor: cursor)
            ids += page.items.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil

        #expect(ids.count == Set(ids).count)
        #expect(ids == (try Self.inboxIds()))
    }

    @Test("archives a thread and finds it among the archived", arguments: Way.allCases)
    func archive(way: Way) throws {
        let subject = try Subject(way)
        let first = try #require(
            try subject.inbox.threads(ThreadQuery(folder: .inbox, limit: 1), cursor: nil).items
                .first)
        let updated = try subject.inbox.updateThread(id: first.id, ThreadUpdate(archived: true))
        let archived = try subject.inbox.threads(
            ThreadQuery(folder: .archived, limit: 100), cursor: nil
        ).items

        #expect(updated.archived)
        #expect(archived.contains { $0.id == first.id })
    }

    @Test("treats an X id used as a thread id as a 404", arguments: Way.allCases)
    func platformIdIsNotAnInboxId(way: Way) throws {
        let subject = try Subject(way)

        let error = try #require(throws: InboxError.self) {
            try subject.inbox.thread(id: DemoTeam.acmesupport.platformId)
        }
        #expect(error.status == 404)
    }

    @Test("finds a person's threads on both account links by username", arguments: Way.allCases)
    func threadsByUsername(way: Way) throws {
        let subject = try Subject(way)
        let contact = try subject.harness.store.demoContactId(1)
        let person = try #require(try subject.inbox.findPerson(.externalId(contact)))
        let username = try #require(
            person.json["username"]?.stringValue
                ?? person.json["profiles"]?
                .arrayValue?.first?["username"]?.stringValue)
        let threads = try subject.inbox.threads(username: username, accountLinkIds: [])

        #expect(
            Set(threads.map(\.accountLinkId)) == [DemoTeam.acmecorp.id, DemoTeam.acmesupport.id])
    }

    @Test("tags a person and sets their status", arguments: Way.allCases)
    func updatePerson(way: Way) throws {
        let subject = try Subject(way)
        let contact = try subject.harness.store.demoContactId(2)
        let vip = try #require(try subject.inbox.tags().first { $0.name == "VIP" })
        let won = try #require(try subject.inbox.statuses().first { $0.name == "Won" })
        let updated = try subject.inbox.updatePerson(
            id: contact,
            PersonUpdate(status: .set(won.id), notes: .set("Signed"), addTags: [vip.id]))
        let reread = try #require(try subject.inbox.findPerson(.externalId(contact)))

        #expect(updated.statusId == won.id)
        #expect(reread.statusId == won.id)
        #expect(reread.tagIds.contains(vip.id))
    }

    @Test("creates, renames and deletes a tag", arguments: Way.allCases)
    func tagLifecycle(way: Way) throws {
        let subject = try Subject(way)
        let created = try subject.inbox.createTag(LabelChange(name: "Hot", color: .set("red")))
        let renamed = try subject.inbox.updateTag(
            id: created.id, LabelChange(name: "Warm", color: .set("#F59E0B")))
        try subject.inbox.deleteTag(id: renamed.id)

        #expect(created.color == "#ef4444")
        #expect(renamed.name == "Warm")
        #expect(renamed.color == "#f59e0b")
        #expect(try subject.inbox.tags().map(\.name).contains("Warm") == false)
        #expect(try subject.inbox.tags().count == DemoTeam.tags.count)
    }

    @Test(
        "refuses reactions, which unencrypted X threads can't take, with a 422",
        arguments: Way.allCases)
    func reactionsRefused(way: Way) throws {
        let subject = try Subject(way)
        let thread = try #require(
            try subject.inbox.threads(ThreadQuery(folder: .inbox, limit: 1), cursor: nil).items
                .first)
        let message = try #require(
            try subject.inbox.messages(threadId: thread.id, MessageQuery(limit: 1), cursor: nil)
                .items.first)

        let error = try #require(throws: InboxError.self) {
            try subject.inbox.react(
                MessageRef(messageId: message.id, threadId: thread.id), emoji: "👍")
        }
        #expect(error.status == 422)
    }

    /// The inbox folder's thread ids, newest first, read straight from a fresh team.
    static func inboxIds() throws -> [String] {
        let harness = try EmulatorHarness()
        var ids: [String] = []
        var cursor = ""
        repeat {
            let page = harness.call(
                "GET", "/api/v2/threads",
                query: "limit=100" + (cursor.isEmpty ? "" : "&cursor=\(cursor)"))
            ids += (page.json?["data"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
            cursor = page.json?["nextCursor"]?.stringValue ?? ""
        } while !cursor.isEmpty
        return ids
    }
}
