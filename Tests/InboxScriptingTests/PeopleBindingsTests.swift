import Testing

@testable import InboxScripting

@Suite struct PeopleBindingsTests {
    @Test func lookupByUsernamePlatformIdOrContactId() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local person = inbox.people.lookup{username = "ben_hansen"}
            local profile = person.profiles[1]
            print(profile.username, profile.displayName)
            print(inbox.contacts.lookup{platformId = profile.platformId}.id == person.id)
            print(inbox.prospects.get(person.id).id == person.id)
            print(inbox.people.lookup{username = "nobody_at_all"})
            """)
        #expect(output == "ben_hansen\tBen Hansen\ntrue\ntrue\nnil\n")
    }

    @Test func updateTagAndUntag() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local id = inbox.people.lookup{username = "ben_hansen"}.id
            local p = inbox.people.update(id, {notes = "Met at the conference", valuation = 1500})
            print(p.notes, p.valuation)
            local tags = {}
            for _, tag in ipairs(inbox.tags.list()) do tags[tag.name] = tag.id end
            p = inbox.people.tag(id, {tag = "Press"})
            local tagged = false
            for _, tagId in ipairs(p.tagIds) do tagged = tagged or tagId == tags.Press end
            print(tagged)
            p = inbox.people.untag(id, {tag = "Press"})
            tagged = false
            for _, tagId in ipairs(p.tagIds) do tagged = tagged or tagId == tags.Press end
            print(tagged, inbox.people.update(id, {notes = json.null}).notes)
            """)
        #expect(output == "Met at the conference\t1500\ntrue\nfalse\tjson.null\n")
    }
}
