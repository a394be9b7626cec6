import Testing

@testable import InboxClient

@Suite struct QueryStringTests {
    @Test func encodesEverythingButUnreservedCharacters() {
        #expect(
            percentEncode("a+b c/d?e&f=g[0]~-._é") == "a%2Bb%20c%2Fd%3Fe%26f%3Dg%5B0%5D~-._%C3%A9")
    }

    @Test func repeatedAndIndexedForms() {
        var query = QueryString()
        query.addRepeated("accountLinkId", ["a", "b"])
        query.addIndexed("accountLinkIds", ["a", "b"])
        query.add("limit", 5)
        query.add("skipped", nil as String?)
        #expect(
            query.encoded
                == "accountLinkId=a&accountLinkId=b&accountLinkIds%5B0%5D=a&accountLinkIds%5B1%5D=b"
                + "&limit=5")
    }
}
