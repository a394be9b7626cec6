import InboxClient
import Testing

@testable import InboxScripting

@Suite struct WriteGateTests {
    static let script = """
        local thread = "ngwccfoms9iv4lyf3888lzc2"
        local updated = inbox.threads.update(thread, {done = true})
        print(updated.archived, updated.id)
        local sent = inbox.send{accountLinkId = "p3nf8wz2qk6vj9dm4cx7hbt1",
          username = "ben_hansen", content = "Hi!"}
        print(sent.message.id, sent.thread.id)
        local fresh = inbox.send{accountLinkId = "p3nf8wz2qk6vj9dm4cx7hbt1",
          username = "diego_vargas", content = "Hello"}
        print(fresh.thread.id)
        local tag = inbox.tags.create{name = "Beta"}
        print(tag.id, tag.name, inbox.tags.delete("VIP"))
        print(inbox.threads.get(thread).archived, #inbox.tags.list())
        """

    @Test func aDryRunRecordsWritesAndAnswersWithPlaceholders() throws {
        let fixture = try HostFixture(dryRun: true)
        let output = try fixture.run(Self.script)
        #expect(
            output == """
                true\tngwccfoms9iv4lyf3888lzc2
                dry-run-message-2\tvb9psosjrp8lqjv9e5qi0wte
                dry-run-thread-3
                dry-run-tag-4\tBeta\ttrue
                false\t6

                """)
    }

    @Test func thePlanListsTheWritesInOrder() throws {
        let fixture = try HostFixture(dryRun: true)
        try fixture.run(Self.script)
        #expect(
            fixture.host.plan.text == """
                dry run: 5 writes not made
                1. inbox.threads.update → ngwccfoms9iv4lyf3888lzc2 \
                {"archived":true,"id":"ngwccfoms9iv4lyf3888lzc2"}
                2. inbox.send → p3nf8wz2qk6vj9dm4cx7hbt1 \
                {"accountLinkId":"p3nf8wz2qk6vj9dm4cx7hbt1","content":"Hi!","username":"ben_hansen"}
                3. inbox.send → p3nf8wz2qk6vj9dm4cx7hbt1 \
                {"accountLinkId":"p3nf8wz2qk6vj9dm4cx7hbt1","content":"Hello",\
                "username":"diego_vargas"}
                4. inbox.tags.create {"name":"Beta"}
                5. inbox.tags.delete → VIP {"id":"VIP"}

                """)
        #expect(fixture.host.plan.writes.map(\.step) == [1, 2, 3, 4, 5])
    }

    @Test func thePlanAsJSON() throws {
        let fixture = try HostFixture(dryRun: true)
        try fixture.run(
            "inbox.threads.update('ngwccfoms9iv4lyf3888lzc2', {assigneeId = json.null})")
        #expect(
            fixture.host.plan.json.jsonText
                == #"{"dryRun":true,"writes":[{"step":1,"operation":"inbox.threads.update","#
                + #""targets":["ngwccfoms9iv4lyf3888lzc2"],"arguments":{"assigneeId":null,"#
                + #""id":"ngwccfoms9iv4lyf3888lzc2"}}]}"#)
    }

    @Test func withoutDryRunWritesAreMadeAndThePlanStaysEmpty() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            inbox.threads.update("ngwccfoms9iv4lyf3888lzc2", {done = true})
            print(inbox.threads.get("ngwccfoms9iv4lyf3888lzc2").archived)
            """)
        #expect(output == "true\n")
        #expect(fixture.host.plan.isEmpty)
        #expect(fixture.host.plan.text == "dry run: 0 writes not made\n")
    }

    @Test func aRecordedWriteIsLoggedAtDebug() throws {
        let fixture = try HostFixture(dryRun: true, logLevel: .debug)
        try fixture.run("inbox.tags.create{name = 'Beta'}")
        #expect(fixture.logs.last == "debug: write recorded operation=inbox.tags.create")
    }
}
