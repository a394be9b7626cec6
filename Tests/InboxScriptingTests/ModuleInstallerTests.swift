import Testing

@testable import InboxScripting

@Suite struct ModuleInstallerTests {
    @Test func theDocsLiveInTheRegistryKeyedByFunction() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local docs = debug.getregistry()["inbox-lua.docs"]
            local doc = docs[inbox.threads.lookup]
            print(doc.name)
            print(doc.signature)
            print(doc.summary)
            print(getmetatable(docs).__mode, docs[inbox.threads].name, docs[inbox.rules.choose].name)
            """)
        #expect(
            output == """
                inbox.threads.lookup
                inbox.threads.lookup{accountLinkId =, platformId = | contactId = | username =}
                The thread between one account link and one person, or nil when there is none.
                k\tinbox.threads\tinbox.rules.choose

                """)
    }

    @Test func everyBindingHasDocsAndIsReachable() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local docs = debug.getregistry()["inbox-lua.docs"]
            local count, missing = 0, {}
            for fn, doc in pairs(docs) do
              count = count + 1
              local value = inbox
              for key in doc.name:gmatch("%.([%w_]+)") do value = value[key] end
              local callable = type(value) == "table" and getmetatable(value).__call
              if value ~= fn and callable ~= fn then missing[#missing + 1] = doc.name end
            end
            print(count, #missing)
            """)
        // One entry per binding (the inbox.threads table standing for its function), and
        // one for inbox.rules.choose.
        #expect(output == "\(Binding.all.count + 1)\t0\n")
    }

    @Test func resultsArePlainTablesWithArraysMarkedAndIdsExact() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local link = inbox.account_links()[2]
            print(getmetatable(link), link.platformId, type(link.platformId))
            print(json.encode(link.pauseReasons), json.encode(inbox.threads.list{q = "nobody"}))
            local thread = inbox.threads.list{max = 1}[1]
            print(thread.assigneeId == json.null, thread.assigneeId)
            """)
        #expect(output == "nil\t1566123362161725441\tstring\n[]\t[]\ntrue\tjson.null\n")
    }

    @Test func aFailedAPICallNamesTheBinding() throws {
        let fixture = try HostFixture()
        #expect(
            fixture.failure("inbox.threads.get('zzzzzzzzzzzzzzzzzzzzzzzz')").hasPrefix(
                "test:1: inbox.threads.get: "))
    }

    @Test func eachDocumentedNameIsListedOnce() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local seen, twice = {}, {}
            for _, doc in pairs(debug.getregistry()["inbox-lua.docs"]) do
              if seen[doc.name] then twice[#twice + 1] = doc.name end
              seen[doc.name] = true
            end
            print(#twice, seen["inbox.threads"], seen["inbox.threads.get"])
            """)
        #expect(output == "0\ttrue\ttrue\n")
    }

    @Test func listsPrintAsTables() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            "print(tostring(json.array{}):match('^table: ') ~= nil, type(json.array{}))")
        #expect(output == "true\ttable\n")
    }
}
