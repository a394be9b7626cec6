import Foundation

/// Deterministic v2 thread pages shaped like the contract's `ThreadPage` (with the contact
/// and profile expanded, as `expand=contact&expand=profile` returns them).
enum PageGenerator {
    static func thread(_ number: Int, expanded: Bool) -> String {
        let id = String(format: "thread%018d", number)
        let padded = String(format: "%017d", number)
        let profile = """
            {"id":"profile\(padded)","platform":"twitter",\
            "platformId":"\(2_000_000_000_000_000_000 + number)","username":"person_\(number)",\
            "handle":"@person_\(number)","displayName":"Example Person \(number) \\u00e9",\
            "avatarUrl":"https://example.com/avatars/\(number).jpg","bio":"Bio text for \
            person \(number), with \\"quotes\\" and a newline\\n.","location":"City",\
            "websiteUrl":"https://example.com","websiteDomain":"example.com","verified":false,\
            "isOrganization":false,"isProtected":false,"followerCount":\(number * 37 % 250000),\
            "followingCount":300,"postCount":450,"engagementCount":800,"listedCount":5,\
            "accountStatus":"active","platformCreatedAt":"2019-03-15T08:00:00.000Z",\
            "profileUrl":"https://x.com/person_\(number)","updatedAt":"2025-01-15T10:30:00.000Z",\
            "platformData":{"_tag":"twitter","badge":null,"profileType":"personal",\
            "professionalCategory":null,"urlEntities":[],"bannerUrl":null,"rawData":null}}
            """
        let contact = """
            {"id":"contact\(padded)","profiles":[\(profile)],\
            "statusId":"status000000000000000001","tagIds":["tag000000000000000000001"],\
            "notes":"Note \(number)","valuation":\(number % 5000),"assigneeId":null,\
            "createdAt":"2025-01-10T09:00:00.000Z","updatedAt":"2025-01-15T10:30:00.000Z"}
            """
        var text = """
            {"id":"\(id)","platform":"twitter",\
            "platformId":"1000000000000000001:\(2_000_000_000_000_000_000 + number)",\
            "accountLinkId":"accountlink0000000000001","profileId":"profile\(padded)",\
            "contactId":"contact\(padded)","assigneeId":null,\
            "isRequest":false,"acceptanceState":"notRequired","archived":false,\
            "unread":\(number % 3 == 0),"restrictions":[],"syncing":false,\
            "typingIndicators":"teamDefault","lastMessage":{"id":"message\(padded)",\
            "direction":"inbound","createdAt":"2025-01-15T14:30:00.000Z"},\
            "activity":{"preview":"Placeholder inbound message text \(number).",\
            "direction":"inbound","at":"2025-01-15T14:30:00.000Z"},\
            "createdAt":"2025-01-10T09:00:00.000Z"
            """
        if expanded { text += ",\"contact\":\(contact),\"profile\":\(profile)" }
        return text + "}"
    }

    /// One page: threads `first..<first+count`, and the cursor of the next page.
    static func page(first: Int, count: Int, next: String?, expanded: Bool) -> String {
        let items = (first..<first + count).map { thread($0, expanded: expanded) }
        let cursor = next.map { "\"\($0)\"" } ?? "null"
        return "{\"data\":[\(items.joined(separator: ","))],\"nextCursor\":\(cursor)}"
    }

    /// Pages of 100 expanded threads, one per line, until at least `bytes` are written.
    static func stream(bytes: Int) -> [String] {
        var pages: [String] = []
        var total = 0
        var first = 0
        while total < bytes {
            let page = page(
                first: first, count: 100, next: "cursor\(first + 100)",
                expanded: true)
            pages.append(page)
            total += page.utf8.count + 1
            first += 100
        }
        return pages
    }
}
