import LuaKit
import Testing

@testable import InboxScripting

/// A person as a Swift program holds one (the API's field names), passed to rules as a table.
private struct Person: LuaRecord {
    var platformId: String = "1566123362161725441"
    var username: String
    var followerCount: Int

    static let luaKeys = ["platformId", "username", "followerCount"]

    func write(to table: inout LuaRecordWriter) throws {
        table.write(platformId)
        table.write(username)
        table.write(followerCount)
    }
}

@Suite struct ScriptFunctionRecordTests {
    static let rule = """
        seen = {}
        function route(person)
          seen[#seen + 1] = person
          if person.username == "spin" then while true do end end
          if person.followerCount >= 100000 then return "acmecorp" end
          return "acmesupport"
        end
        """

    @Test func aRuleRoutesSwiftValuesInTheSandbox() throws {
        let fixture = try HostFixture(sandbox: true)
        try fixture.host.load(source: Self.rule)
        let route = try fixture.host.function("route")
        let people = [
            Person(username: "ana", followerCount: 250_000),
            Person(username: "bo", followerCount: 12),
            Person(username: "cy", followerCount: 100_000),
        ]
        let accounts = try people.map { try route.call($0) }
        #expect(accounts == ["acmecorp", "acmesupport", "acmecorp"])
        #expect(fixture.host.lua.stackTop == 0)
    }

    @Test func eachCallGetsItsOwnTableAndItsOwnLimits() throws {
        let fixture = try HostFixture(limits: LuaLimits(timeout: .milliseconds(100)))
        try fixture.host.load(source: Self.rule)
        let route = try fixture.host.function("route")
        #expect(try route.call(Person(username: "ana", followerCount: 1)) == "acmesupport")
        let error = #expect(throws: LuaError.self) {
            try route.call(Person(username: "spin", followerCount: 1))
        }
        #expect(error?.kind == .timeLimit)
        #expect(try route.call(Person(username: "bo", followerCount: 200_000)) == "acmecorp")
        let seen = try fixture.host.run(
            source: """
                return #seen, seen[1].username, seen[2].username, seen[3].followerCount,
                  seen[3].platformId
                """)
        #expect(seen == [3, "ana", "spin", 200_000, "1566123362161725441"])
    }
}
