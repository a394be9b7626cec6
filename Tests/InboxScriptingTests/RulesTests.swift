import Testing

@testable import InboxScripting

@Suite struct RulesTests {
    static let rules = """
        local rules = {
          {name = "big accounts", use = "acmecorp",
            when = function(p)
              return p.followerCount >= 100000, "followers " .. p.followerCount
            end},
          {name = "press", use = "@AcmeCorp",
            when = function(p) return p.press end},
          default = "acmesupport",
        }
        """

    @Test func theFirstMatchingRuleChoosesTheAccount() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            Self.rules + """
                local link, rule = inbox.rules.choose(rules, {followerCount = 250000})
                print(link.username, link.id, rule)
                link, rule = inbox.rules.choose(rules, {followerCount = 10, press = true})
                print(link.username, rule)
                link, rule = inbox.rules.choose(rules, {followerCount = 10})
                print(link.username, rule)
                """)
        #expect(
            output == """
                acmecorp\tk7xq2m9vd4nbp8c3w6tyrh5a\tbig accounts
                acmecorp\tpress
                acmesupport\tdefault

                """)
    }

    @Test func traceSaysWhatEachRuleDid() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            Self.rules + """
                local _, _, trace =
                  inbox.rules.choose(rules, {followerCount = 250000}, {trace = true})
                print(table.concat(trace, "\\n"))
                _, _, trace = inbox.rules.choose(rules, {followerCount = 5}, {trace = true})
                print(table.concat(trace, "\\n"))
                """)
        #expect(
            output == """
                big accounts: matched (followers 250000)
                press: skipped (rule "big accounts" fired first)
                big accounts: no match (followers 5)
                press: no match
                default: used (no rule matched)

                """)
    }

    @Test func eachRuleCheckIsLoggedAtDebug() throws {
        let fixture = try HostFixture(logLevel: .debug)
        try fixture.run(Self.rules + "inbox.rules.choose(rules, {followerCount = 5})")
        #expect(
            fixture.logs == [
                "debug: rule checked matched=false rule=\"big accounts\"",
                "debug: rule checked matched=false rule=press",
                "debug: backend opened backend=\"the local emulator (:memory:)\"",
            ])
    }

    @Test func aDefaultInTheOptionsAndNoDefaultAtAll() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local rules = {{name = "never", use = "acmecorp", when = function() return false end}}
            print(inbox.rules.choose(rules, {}, {default = "p3nf8wz2qk6vj9dm4cx7hbt1"}).username)
            print(inbox.rules.choose(rules, {}))
            """)
        #expect(output == "acmesupport\nnil\tnil\tnil\n")
    }

    @Test func mistakesAreReportedAtTheCallersLine() throws {
        let fixture = try HostFixture()
        #expect(
            fixture.failure(
                "inbox.rules.choose({{name = 'x', when = function() return true end, "
                    + "use = 'nobody'}}, {})")
                == "test:1: inbox.rules.choose: rule \"x\" uses \"nobody\", which is not an "
                + "account link of this team (known: @acmecorp, @acmesupport)")
        #expect(
            fixture.failure("inbox.rules.choose({{name = 'x', use = 'acmecorp'}}, {})")
                == "test:1: inbox.rules.choose: rule x needs when = function(person)")
        #expect(
            fixture.failure("inbox.rules.choose({}, {}, {tarce = true})")
                == "test:1: inbox.rules.choose: unknown option \"tarce\"; known options: "
                + "default, trace")
        #expect(
            fixture.failure("inbox.rules.choose({})")
                == "test:1: inbox.rules.choose: bad argument #2 (person expected, got nil)")
    }
}
