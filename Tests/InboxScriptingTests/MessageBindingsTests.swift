import Testing

@testable import InboxScripting

@Suite struct MessageBindingsTests {
    @Test func sendIntoAThreadAndListItsMessages() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local id = "ngwccfoms9iv4lyf3888lzc2"
            local before = #inbox.messages.list(id)
            local sent = inbox.messages.send{threadId = id, content = "Hello there"}
            print(sent.message.content, sent.message.direction, sent.thread.id == id)
            local messages = inbox.messages.list(id)
            print(#messages - before, messages[1].content)
            print(inbox.messages.list(id, {order = "asc", max = 1})[1].id ~= messages[1].id)
            """)
        #expect(output == "Hello there\toutbound\ttrue\n1\tHello there\ntrue\n")
    }

    @Test func sendToAPersonFromAnAccountReusesTheirThread() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local sent = inbox.send{accountLinkId = "p3nf8wz2qk6vj9dm4cx7hbt1",
              username = "ben_hansen", content = "From support"}
            print(sent.thread.id, sent.message.content)
            """)
        #expect(output == "vb9psosjrp8lqjv9e5qi0wte\tFrom support\n")
    }

    @Test func aSendNeedsOneTarget() throws {
        let fixture = try HostFixture()
        #expect(
            fixture.failure("inbox.send{content = 'x'}")
                == "test:1: inbox.send: give threadId, or accountLinkId and a person")
        #expect(
            fixture.failure("inbox.send{content = 'x', username = 'ben_hansen'}")
                == "test:1: inbox.send: accountLinkId is required to send to a person")
        #expect(
            fixture.failure(
                "inbox.send{content = 'x', accountLinkId = 'p3nf8wz2qk6vj9dm4cx7hbt1'}")
                == "test:1: inbox.send: name the person with platformId, contactId or username")
        #expect(
            fixture.failure(
                "inbox.send{content = 'x', threadId = 'a1b2c3d4e5', username = 'ben_hansen'}")
                == "test:1: inbox.send: give threadId, or accountLinkId and a person, not both")
    }

    @Test func aBadOrderIsNamed() throws {
        let fixture = try HostFixture()
        #expect(
            fixture.failure("inbox.messages.list('ngwccfoms9iv4lyf3888lzc2', {order = 'up'})")
                == "test:1: inbox.messages.list: order \"up\" is not asc or desc")
    }
}
