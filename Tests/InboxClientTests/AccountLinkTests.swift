import Testing

@testable import InboxClient

@Suite struct AccountLinkTests {
    @Test func readsV1FlatArray() throws {
        let links = try #require(example("v1-account-links-list.json").arrayValue)
            .map(AccountLink.init(json:))
        #expect(links.map(\.id) == ["accountlink0000000000001", "accountlink0000000000002"])
        #expect(links.map(\.status) == ["active", "offline"])
        #expect(links.map(\.platformId) == ["1000000000000000001", "1000000000000000002"])
        #expect(links[0].displayName == links[0].json["name"]?.stringValue)
    }

    @Test func readsV2Page() throws {
        let json = try #require(example("v2-account-link-page.json")["data"]?.arrayValue?.first)
        let link = try AccountLink(json: json)
        #expect(link.id == "accountlink0000000000001")
        #expect(link.username == "example_company")
        #expect(link.displayName == "Example Company")
        #expect(link.platformId == "1000000000000000001")
    }
}
