import Testing

@Suite struct SandboxTests {
    @Test func rawsetCannotReplaceTheModulesBindings() throws {
        let fixture = try HostFixture(sandbox: true)
        let output = try fixture.run(
            """
            local f = function() return "hijacked" end
            for _, case in ipairs{
              {"inbox", inbox, "account_links"}, {"json", json, "encode"},
              {"log", log, "info"}, {"inbox.threads", inbox.threads, "get"},
              {"inbox.rules", inbox.rules, "choose"}, {"inbox.people", inbox.people, "get"},
            } do
              local ok, message = pcall(rawset, case[2], case[3], f)
              print(case[1], ok, message)
            end
            print(json.encode{1}, #inbox.account_links() > 0, type(inbox.threads.get))
            local n = 0
            for thread in inbox.threads{max = 2} do n = n + 1 end
            print(n, inbox.contacts == inbox.people, #inbox.threads.list{max = 1})
            """)
        let refused = "false\tattempt to modify a read-only table"
        #expect(
            output == """
                inbox\t\(refused)
                json\t\(refused)
                log\t\(refused)
                inbox.threads\t\(refused)
                inbox.rules\t\(refused)
                inbox.people\t\(refused)
                [1]\ttrue\tfunction
                2\ttrue\t1

                """)
    }
}
