import Testing

@testable import InboxScripting

@Suite struct LabelBindingsTests {
    @Test func tagsAndStatusesAreListedInOrder() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local names = {}
            for _, tag in ipairs(inbox.tags.list()) do names[#names + 1] = tag.name end
            print(table.concat(names, ","))
            names = {}
            for _, status in ipairs(inbox.statuses.list()) do names[#names + 1] = status.name end
            print(table.concat(names, ","))
            """)
        #expect(
            output
                == "Churn risk,Lead,Partner,Press,Support,VIP\nNew,Contacted,Qualified,Won,Lost\n")
    }

    // TODO: rename and delete (inbox.tags.update, inbox.tags.delete) once the emulator answers
    // PATCH and DELETE /tags/{id}; today it answers 405 (dry runs of both are tested).
    @Test func createATag() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local tag = inbox.tags.create{name = "Beta", color = "#22c55e"}
            print(tag.name, tag.color)
            print(#inbox.tags.list())
            """)
        #expect(output == "Beta\t#22c55e\n7\n")
    }

    @Test func teamMembersPlatformsColorsAndEvents() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            print(inbox.api_version(), inbox.team().name, #inbox.members(), inbox.members()[1].name)
            print(inbox.platforms()[1].platform, #inbox.colors() > 0)
            local page = inbox.events{limit = 5}
            print(type(page.events), page.hasMore == true or page.hasMore == false)
            """)
        #expect(output == "v2\tAcme Corp\t4\tDana Whitfield\ntwitter\ttrue\ntable\ttrue\n")
    }
}
