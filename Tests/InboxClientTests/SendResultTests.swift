import Testing

@testable import InboxClient

@Suite struct SendResultTests {
    @Test func readsV2SendResult() throws {
        let result = try SendResult(json: example("v2-send-result.json"))
        #expect(result.message.id == "message00000000000000001")
        #expect(result.message.direction == "outbound")
        #expect(result.message.platformId == "3000000000000000003")
        #expect(result.threadId == "thread000000000000000001")
        #expect(result.thread?.contactId == "contact00000000000000001")
    }

    @Test func readsV1QuickSendWithAPartialThread() throws {
        let result = try SendResult(json: example("v1-quick-send-response.json"))
        #expect(result.message.content == "Placeholder outbound reply text.")
        #expect(result.threadId == "thread000000000000000001")
        #expect(result.thread == nil)
    }

    @Test func readsV1MessageList() throws {
        let body = try example("v1-list-messages-response.json")
        let messages = try #require(body["messages"]?.arrayValue).map(Message.init(json:))
        #expect(messages.map(\.id) == ["message00000000000000001", "message00000000000000002"])
        #expect(messages.allSatisfy { $0.threadId == "thread000000000000000001" })
    }
}
