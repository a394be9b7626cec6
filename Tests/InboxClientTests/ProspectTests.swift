import Testing

@testable import InboxClient

@Suite struct ProspectTests {
    @Test func readsAV1ProspectAndItsContext() throws {
        let prospect = try Prospect(json: example("v1-prospect.json"))
        #expect(prospect.platformId == "2000000000000000002")
        #expect(prospect.externalId == "prospect0000000000000001")
        #expect(prospect.username == "example_person")
        #expect(prospect.followerCount == 1200)
        #expect(prospect.statusId == "status000000000000000001")
        #expect(prospect.tagIds == ["tag000000000000000000001"])
        #expect(prospect.valuation == 2500)
        #expect(prospect.notes == "Placeholder note.")
        #expect(Person.prospect(prospect).id == "prospect0000000000000001")
    }
}
