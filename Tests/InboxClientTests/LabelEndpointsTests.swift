import Foundation
import Testing

@testable import InboxClient

@Suite struct LabelEndpointsTests {
    @Test func createAndUpdateSendNameAndColor() throws {
        let transport = ScriptedTransport(
            json: #"{"id":"s1","name":"Won","color":null,"#
                + #""createdAt":"2026-01-01T00:00:00.000Z"}"#)
        let client = InboxV2Client(
            configuration: testConfiguration(clock: RecordingClock().clock),
            transport: transport)
        let status = try client.createStatus(LabelChange(name: "Won", color: .set("green")))
        _ = try client.updateStatus(id: "s1", LabelChange(color: .clear))
        #expect(status.color == nil)
        #expect(
            transport.requests.map { "\($0.method) \($0.url)" } == [
                "POST http://inbox.test/api/v2/statuses",
                "PATCH http://inbox.test/api/v2/statuses/s1",
            ])
        #expect(
            transport.requests.map { $0.body.map { String(decoding: $0, as: UTF8.self) } }
                == [#"{"name":"Won","color":"green"}"#, #"{"color":null}"#])
    }

    @Test func v2TagColorCannotBeClearedAndNameIsRequired() throws {
        let client = InboxV2Client(
            configuration: testConfiguration(clock: RecordingClock().clock),
            transport: ScriptedTransport(json: "{}"))
        #expect(throws: InboxError.invalidArgument("updateTag", "a tag's color cannot be cleared"))
        {
            try client.updateTag(id: "t1", LabelChange(color: .clear))
        }
        #expect(throws: InboxError.invalidArgument("createTag", "a name is required")) {
            try client.createTag(LabelChange(color: .set("red")))
        }
    }
}
