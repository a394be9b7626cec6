import InboxClient
import InboxEmulator
import TestSupport
import Testing

@Suite("The seeded demo team")
struct DemoTeamTests {
    @Test("has the two account links of the vendor's guide, with distinct Inbox and X ids")
    func accountLinks() throws {
        let harness = try EmulatorHarness()
        let links = try #require(harness.call("GET", "/api/v1/account-links").json?.arrayValue)

        #expect(links.count == 2)
        #expect(links[0]["id"] == .string("k7xq2m9vd4nbp8c3w6tyrh5a"))
        #expect(links[0]["username"] == .string("acmecorp"))
        #expect(links[0]["platformId"] == .string("1876543210987654321"))
        #expect(links[1]["id"] == .string("p3nf8wz2qk6vj9dm4cx7hbt1"))
        #expect(links[1]["username"] == .string("acmesupport"))
        #expect(links[1]["platformId"] == .string("1566123362161725441"))
    }

    @Test("has the documented team, members, tags and statuses")
    func teamSettings() throws {
        let harness = try EmulatorHarness()

        #expect(harness.call("GET", "/api/v2/team").json?["name"] == .string("Acme Corp"))
        let members = harness.call("GET", "/api/v1/members").json?.arrayValue ?? []
        #expect(members.map { $0["email"]?.stringValue ?? "" } == DemoTeam.members.map(\.email))
        let tags = harness.call("GET", "/api/v1/tags").json?.arrayValue ?? []
        #expect(
            tags.compactMap { $0["name"]?.stringValue }
                == ["Churn risk", "Lead", "Partner", "Press", "Support", "VIP"])
        let statuses = harness.call("GET", "/api/v2/statuses").json?["data"]?.arrayValue ?? []
        #expect(
            statuses.compactMap { $0["name"]?.stringValue }
                == ["New", "Contacted", "Qualified", "Won", "Lost"])
    }

    @Test("has 400 threads over 300 contacts, with requests, archived and unassigned ones")
    func threads() throws {
        let harness = try EmulatorHarness()
        var all: [JSONValue] = []
        var cursor: String?
        repeat {
            let query = "folder=all&limit=100" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try #require(harness.call("GET", "/api/v2/threads", query: query).json)
            all += page["data"]?.arrayValue ?? []
            cursor = page["nextCursor"]?.stringValue
        } while cursor != nil

        #expect(all.count == DemoTeam.threadCount)
        #expect(Set(all.compactMap { $0["contactId"]?.stringValue }).count == DemoTeam.contactCount)
        #expect(all.filter { $0["isRequest"] == .bool(true) }.count > 10)
        #expect(all.filter { $0["archived"] == .bool(true) }.count > 40)
        #expect(all.filter { $0["assigneeId"] == .null }.count > 100)
        #expect(all.filter { $0["accountLinkId"] == .string(DemoTeam.acmecorp.id) }.count == 200)
    }

    @Test("has varied follower counts, some of at least 100,000")
    func followers() throws {
        let harness = try EmulatorHarness()
        var counts: [Int64] = []
        for index in stride(from: 0, to: DemoTeam.contactCount, by: 3) {
            let id = try harness.store.demoContactId(index)
            let contact = harness.call("GET", "/api/v2/contacts/\(id)").json
            counts += (contact?["profiles"]?.arrayValue ?? []).compactMap {
                $0["followerCount"]?.integerValue
            }
        }

        #expect(counts.count == 100)
        #expect(counts.filter { $0 >= 100_000 }.count >= 5)
        #expect(counts.filter { $0 < 1000 }.count >= 20)
    }

    @Test("comes out identical on every seeding")
    func deterministic() throws {
        let first = try EmulatorStore(path: EmulatorStore.inMemory).exportTeam()
        let second = try EmulatorStore(path: EmulatorStore.inMemory).exportTeam()

        #expect(first == second)
        #expect(first.count > 100_000)
    }
}
