import Testing

@testable import InboxClient

@Suite struct ContactTests {
    @Test func readsAV2Contact() throws {
        let contact = try Contact(json: example("v2-contact.json"))
        #expect(contact.id == "contact00000000000000001")
        #expect(contact.statusId == "status000000000000000001")
        #expect(contact.tagIds == ["tag000000000000000000001"])
        #expect(contact.notes == "Placeholder note.")
        #expect(contact.valuation == 2500)
        #expect(contact.assigneeId == nil)
        #expect(contact.profiles.map(\.platformId) == ["2000000000000000002"])
        #expect(contact.profiles.first?.followerCount == 1200)
        #expect(contact.profiles.first?.username == "example_person")
    }

    @Test func personWrapsAContactAndKeepsItsJSON() throws {
        let contact = try Contact(json: example("v2-contact.json"))
        let person = Person.contact(contact)
        #expect(person.id == "contact00000000000000001")
        #expect(person.tagIds == ["tag000000000000000000001"])
        #expect(person.json == contact.json)
    }
}
