import Testing

@testable import InboxClient

@Suite struct EventTests {
    @Test func readsAV2ThinEvent() throws {
        let event = try Event(json: example("v2-event.json"))
        #expect(event.id == "event00000000000000000002")
        #expect(event.seq == 52)
        #expect(event.type == "message.received")
        #expect(event.data == ["threadId": "thread000000000000000001"])
    }

    @Test func readsV1EventEnvelopes() throws {
        let events = try #require(example("v1-events-page.json")["events"]?.arrayValue)
            .map(Event.init(json:))
        #expect(events.map(\.seq) == [51])
        #expect(events.first?.type == "thread.archived")
        #expect(events.first?.data["thread"]?["id"] == "thread000000000000000001")
    }
}
