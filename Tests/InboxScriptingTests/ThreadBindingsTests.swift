import Foundation
import InboxClient
import InboxEmulator
import Testing

@testable import InboxScripting

@Suite struct ThreadBindingsTests {
    /// A host whose emulator counts the requests it answers.
    static func countingHost() throws -> (ScriptHost, RequestCount) {
        let requests = RequestCount()
        let backend = ScriptBackend(description: "counted") {
            EmulatedInbox.open(
                store: try EmulatorStore(path: EmulatorStore.inMemory),
                observer: { _ in requests.add() })
        }
        return (try ScriptHost(options: ScriptHostOptions(backend: backend)), requests)
    }

    @Test func iterationFetchesPagesOnlyAsTheLoopNeedsThem() throws {
        let (host, requests) = try Self.countingHost()
        let results = try host.run(
            source: """
                local seen = 0
                for thread in inbox.threads{folder = "all", limit = 10} do
                  seen = seen + 1
                  if seen == 15 then break end
                end
                return seen
                """)
        #expect(results == [15])
        #expect(requests.value == 2)
    }

    @Test func iterationWalksEveryPage() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local n, ids = 0, {}
            for thread in inbox.threads{folder = "noReply", limit = 7} do
              n = n + 1
              ids[thread.id] = true
            end
            local distinct = 0
            for _ in pairs(ids) do distinct = distinct + 1 end
            print(n, distinct, #inbox.threads.list{folder = "noReply"})
            """)
        #expect(output == "132\t132\t132\n")
    }

    @Test func iterationWorksInsideACoroutine() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local producer = coroutine.wrap(function()
              for thread in inbox.threads{folder = "noReply", limit = 50} do
                coroutine.yield(thread.id)
              end
            end)
            local first, second = producer(), producer()
            print(#first, first ~= second)
            """)
        #expect(output == "24\ttrue\n")
    }

    @Test func maxStopsAListEarly() throws {
        let fixture = try HostFixture()
        #expect(try fixture.run("print(#inbox.threads.list{folder = 'all', max = 3})") == "3\n")
    }

    @Test func lookupFindsTheThreadOfAnAccountAndAPerson() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local corp, support = "k7xq2m9vd4nbp8c3w6tyrh5a", "p3nf8wz2qk6vj9dm4cx7hbt1"
            print(inbox.threads.lookup{accountLinkId = corp, username = "avaadams"}.id)
            print(inbox.threads.lookup{accountLinkId = support, username = "avaadams"})
            local person = inbox.people.lookup{username = "ben_hansen"}
            local platformId = person.profiles[1].platformId
            print(inbox.threads.lookup{accountLinkId = support, platformId = platformId}.id)
            print(inbox.threads.lookup{accountLinkId = support, contactId = person.id}.id)
            """)
        #expect(
            output == """
                noc5d2hc0wqo1we7ce9knxye
                nil
                vb9psosjrp8lqjv9e5qi0wte
                vb9psosjrp8lqjv9e5qi0wte

                """)
    }

    @Test func findListsAPersonsThreadsAcrossAccounts() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            for _, t in ipairs(inbox.threads.find{username = "@ben_hansen"}) do
              print(t.id, t.accountLinkId)
            end
            print(#inbox.threads.find{username = "ben_hansen",
              accountLinkId = "p3nf8wz2qk6vj9dm4cx7hbt1"})
            """)
        #expect(
            output == """
                ngwccfoms9iv4lyf3888lzc2\tk7xq2m9vd4nbp8c3w6tyrh5a
                vb9psosjrp8lqjv9e5qi0wte\tp3nf8wz2qk6vj9dm4cx7hbt1
                1

                """)
    }

    @Test func updateArchivesAssignsAndUnassigns() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local id = "ngwccfoms9iv4lyf3888lzc2"
            local t = inbox.threads.update(
              id, {done = true, assigneeId = "h3kv9pw5zt2mqx8nd4cb7rya"})
            print(t.archived, t.assigneeId)
            t = inbox.threads.update(id, {archived = false, assigneeId = json.null})
            print(t.archived, t.assigneeId, inbox.threads.get(id).archived)
            """)
        #expect(output == "true\th3kv9pw5zt2mqx8nd4cb7rya\nfalse\tjson.null\tfalse\n")
    }

    @Test func aFeatureTheVersionLacksSaysSo() throws {
        let fixture = try HostFixture()
        let message = fixture.failure(
            "inbox.threads.create{accountLinkId = 'k7xq2m9vd4nbp8c3w6tyrh5a', username = 'x'}")
        #expect(message.hasPrefix("test:1: inbox.threads.create: "))
        #expect(message.contains("v2"))
    }
}

/// Counts requests from the router's thread.
final class RequestCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }

    var value: Int { lock.withLock { count } }
}
