import Foundation
import Testing

@testable import InboxClient

@Suite struct ThreadTests {
    @Test func readsAV2Thread() throws {
        let thread = try Thread(json: example("v2-thread.json"))
        #expect(thread.id == "thread000000000000000001")
        #expect(thread.platform == "twitter")
        #expect(thread.platformId == "1000000000000000001:2000000000000000002")
        #expect(thread.accountLinkId == "accountlink0000000000001")
        #expect(thread.assigneeId == "member000000000000000001")
        #expect(thread.archived == false)
        #expect(thread.unread == false)
        #expect(thread.contactId == "contact00000000000000001")
        #expect(thread.profileId == "profile00000000000000001")
        #expect(thread.prospect == nil)
        #expect(thread.createdAt == "2025-01-10T09:00:00.000Z")
    }

    @Test func readsAV1ThreadWithItsProspect() throws {
        let thread = try Thread(json: example("v1-thread.json"))
        #expect(thread.id == "thread000000000000000001")
        #expect(thread.archived == false)
        #expect(thread.unread == nil)
        #expect(thread.contactId == nil)
        #expect(thread.prospect?.platformId == "2000000000000000002")
        #expect(thread.prospect?.externalId == "prospect0000000000000001")
        #expect(thread.prospect?.followerCount == 1200)
    }

    @Test func encodesBackToTheExactWireJSON() throws {
        let json = try example("v2-thread-page-expanded.json")["data"]?.arrayValue?.first
        let thread = try Thread(json: try #require(json))
        let original =
            try JSONSerialization.jsonObject(
                with: try #require(json).serialized()) as? NSDictionary
        let written =
            try JSONSerialization.jsonObject(with: thread.json.serialized())
            as? NSDictionary
        #expect(written == original)
        #expect(thread.json.objectValue?.keys.suffix(3) == ["createdAt", "contact", "profile"])

        let encoded = try JSONEncoder().encode(thread)
        #expect(try JSONValue.parse(encoded) == thread.json)
        #expect(try JSONDecoder().decode(Thread.self, from: encoded) == thread)
    }

    @Test func missingIdIsAShapeError() {
        #expect(
            throws: JSONShapeError(
                type: "Thread", field: "id",
                problem: "expected an id, found nothing")
        ) {
            try Thread(json: ["platform": "twitter", "accountLinkId": "a"])
        }
    }

    @Test func numericPlatformIdKeepsItsDigits() throws {
        let thread = try Thread(json: [
            "id": "t", "platform": "twitter",
            "platformId": .integer(1_566_123_362_161_725_441), "accountLinkId": "a",
        ])
        #expect(thread.platformId == "1566123362161725441")
    }
}
