import InboxClient
import Testing

@testable import InboxScripting

/// The same scripts against the v1 wire format: v1 spellings in, v1 shapes out.
@Suite struct VersionOneTests {
    @Test func listsLooksUpAndIteratesWithV1Shapes() throws {
        let fixture = try HostFixture(version: .v1)
        let output = try fixture.run(
            """
            local n = 0
            for thread in inbox.threads{inbox = "no-reply", limit = 25} do n = n + 1 end
            print(n, #inbox.threads.list{accountLinkIds = {"k7xq2m9vd4nbp8c3w6tyrh5a"}})
            local thread = inbox.threads.list{max = 1}[1]
            print(thread.done, thread.prospect.username, thread.prospect.followerCount)
            local found = inbox.threads.lookup{accountLinkId = thread.accountLinkId,
              externalPlatformId = thread.prospect.platformId}
            print(found.id == thread.id)
            local person = inbox.prospects.lookup{platformId = thread.prospect.platformId}
            print(person.username, person.externalId == thread.prospect.externalId)
            """)
        #expect(
            output == """
                131\t139
                false\tjack_bianchi195\t216927
                true
                jack_bianchi195\ttrue

                """)
    }

    @Test func aV1UpdateAnswersWithDone() throws {
        let fixture = try HostFixture(dryRun: true, version: .v1)
        let output = try fixture.run(
            "print(inbox.threads.update('fmuuwy0kyb9hxih458aohpp3', {archived = true}).done)")
        #expect(output == "true\n")
    }
}
