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
            print(getmetatable(docs).__mode, docs[inbox.threads].name,
              docs[inbox.rules.choose].name)
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
        try fixture.host.buildInbox()
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
        try fixture.host.buildInbox()
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

    // MARK: - Built on first use

    @Test func inboxIsBuiltOnItsFirstUseAndThenIsAPlainTable() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local docs = debug.getregistry()["inbox-lua.docs"]
            print(rawget(inbox, "threads"), next(docs), getmetatable(inbox) ~= nil)
            print(type(inbox.threads.list), getmetatable(inbox), next(docs) ~= nil)
            print(rawget(inbox, "team") == inbox.team, require("inbox") == inbox)
            """)
        #expect(output == "nil\tnil\ttrue\nfunction\tnil\ttrue\ntrue\ttrue\n")
    }

    @Test func pairsAndAssignmentBuildItToo() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local keys = 0
            for key in pairs(inbox) do keys = keys + 1 end
            print(keys > 10, type(rawget(inbox, "messages")))
            """)
        #expect(output == "true\ttable\n")
        let assigned = try HostFixture()
        let mine = try assigned.run(
            """
            inbox.mine = 42
            print(inbox.mine, type(inbox.tags.list), getmetatable(inbox))
            """)
        #expect(mine == "42\tfunction\tnil\n")
    }

    @Test func aScriptCannotTakeTheModuleAwayBeforeItIsBuilt() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            print(pcall(setmetatable, inbox, nil))
            print(getmetatable(inbox), type(inbox.threads.list), getmetatable(inbox))
            """)
        #expect(
            output == "false\tcannot change a protected metatable\nfalse\tfunction\tnil\n")
    }

    @Test func theModulesNamesWinOverARawsetBeforeItIsBuilt() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            rawset(inbox, "threads", 5)
            print(inbox.threads)
            print(inbox.team().name, type(inbox.threads.list))
            """)
        #expect(output == "5\nAcme Corp\tfunction\n")
    }

    @Test func aFirstUseInsideACoroutineBuildsIt() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            local next = coroutine.wrap(function()
              coroutine.yield(inbox.team().name)
              for thread in inbox.threads{max = 1} do coroutine.yield(#thread.id) end
            end)
            print(next(), next(), getmetatable(inbox))
            """)
        #expect(output == "Acme Corp\t24\tnil\n")
    }

    @Test func buildInboxIsIdempotentAndKeepsWhatAScriptChanged() throws {
        let fixture = try HostFixture()
        try fixture.run("inbox.team = 'replaced'")
        try fixture.host.buildInbox()
        try fixture.host.buildInbox()
        #expect(try fixture.run("print(inbox.team, type(inbox.members))") == "replaced\tfunction\n")
    }

    @Test func theSandboxBuildsItAtOnceBehindReadOnlyViews() throws {
        let fixture = try HostFixture(sandbox: true)
        let output = try fixture.run(
            """
            local keys = 0
            for key in pairs(inbox) do keys = keys + 1 end
            print(keys > 10, type(inbox.threads.list), pcall(rawset, inbox, "x", 1))
            """)
        #expect(output == "true\tfunction\tfalse\tattempt to modify a read-only table\n")
    }
}
