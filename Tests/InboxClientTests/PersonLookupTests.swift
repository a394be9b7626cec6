import Foundation
import Testing

@testable import InboxClient

/// Looking people and their threads up: v2 goes through contacts, v1 has lookup routes.
@Suite struct PersonLookupTests {
    static let contactPage =
        #"{"data":[{"id":"contact1","profiles":[],"statusId":null,"#
        + #""tagIds":[],"notes":null,"valuation":null,"assigneeId":null}],"nextCursor":null}"#
    static let threadPage =
        #"{"data":[{"id":"t9","platform":"twitter","platformId":null,"#
        + #""accountLinkId":"al1","contactId":"contact1"}],"nextCursor":null}"#

    @Test func v2FindsTheThreadThroughTheContact() throws {
        let transport = ScriptedTransport { request, _ in
            let body = request.url.contains("/contacts") ? Self.contactPage : Self.threadPage
            return TransportResponse(status: 200, body: Data(body.utf8))
        }
        let client = InboxV2Client(
            configuration: testConfiguration(clock: RecordingClock().clock), transport: transport)
        let thread = try client.findThread(
            accountLinkId: "al1", person: .platformId("1566123362161725441"))
        #expect(thread?.id == "t9")
        let byName = try client.threads(username: "@Example_Person", accountLinkIds: [])
        #expect(byName.map(\.id) == ["t9"])
        #expect(
            transport.requests.map(\.url) == [
                "http://inbox.test/api/v2/contacts?platform=twitter&platformId=1566123362161725441",
                "http://inbox.test/api/v2/threads?accountLinkId=al1&contactId=contact1&folder=all"
                    + "&limit=1",
                "http://inbox.test/api/v2/contacts?platform=twitter&username=Example_Person",
                "http://inbox.test/api/v2/threads?contactId=contact1&folder=all",
            ])
    }

    @Test func v2UnknownContactIsNil() throws {
        let transport = ScriptedTransport(
            status: 404, json: #"{"code":"contactNotFound","message":"No contact"}"#)
        let client = InboxV2Client(
            configuration: testConfiguration(clock: RecordingClock().clock), transport: transport)
        #expect(try client.findPerson(.externalId("nope")) == nil)
        #expect(transport.requests.map(\.url) == ["http://inbox.test/api/v2/contacts/nope"])
    }

    @Test func v1LooksProspectsUpByXId() throws {
        let prospect = String(
            decoding: try example("v1-prospect.json").serialized(), as: UTF8.self)
        let transport = ScriptedTransport(json: prospect)
        let client = InboxV1Client(
            configuration: testConfiguration(
                .v1, baseURL: "http://inbox.test/api/v1", clock: RecordingClock().clock),
            transport: transport)
        let person = try #require(try client.findPerson(.platformId("2000000000000000002")))
        #expect(person.id == "prospect0000000000000001")
        #expect(
            transport.requests.map(\.url) == [
                "http://inbox.test/api/v1/prospects/lookup?platformId=2000000000000000002"
            ])
        #expect(
            throws: InboxError.unsupported("findPerson", .v1, "looking a person up by username")
        ) {
            try client.findPerson(.username("someone"))
        }
    }

    @Test func pagingForEachVisitsEveryItem() throws {
        var seen: [Int] = []
        try Paging<Int>(operation: "numbers") { cursor in
            cursor == nil
                ? Page(items: [1, 2], nextCursor: PageCursor("b"))
                : Page(items: [3], nextCursor: nil)
        }.forEachItem { seen.append($0) }
        #expect(seen == [1, 2, 3])
    }
}
