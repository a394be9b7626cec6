import Testing

@testable import InboxREPL

@Suite("help()")
struct HelpPageTests {
    private func documented() throws -> SessionHarness {
        let repl = try SessionHarness()
        _ = try repl.state.run(
            """
            inbox = {threads = {lookup = function() end, list = function() end}}
            function undocumented() end
            """)
        try repl.document([
            (
                "inbox.threads.lookup", "inbox.threads.lookup(id) -> thread",
                "Look up one thread by its id."
            ),
            ("inbox.threads.list", "(query?) -> threads", "List threads, newest first."),
        ])
        return repl
    }

    @Test("help(f) shows a binding's signature and summary")
    func binding() throws {
        let repl = try documented()
        #expect(
            repl.show("help(inbox.threads.lookup)")
                == "inbox.threads.lookup(id) -> thread\n  Look up one thread by its id.")
        #expect(
            repl.show("help(inbox.threads.list)")
                == "inbox.threads.list(query?) -> threads\n  List threads, newest first.")
    }

    @Test("help(module) lists the bindings it holds")
    func module() throws {
        let repl = try documented()
        #expect(
            repl.show("help(inbox.threads)") == """
                  inbox.threads.list(query?) -> threads  List threads, newest first.
                  inbox.threads.lookup(id) -> thread     Look up one thread by its id.
                """)
        #expect(repl.show("help(inbox)") == "no help for this table: it holds no bindings")
    }

    @Test("a documented callable table shows its entry, then its bindings, through views")
    func callableModule() throws {
        let repl = try SessionHarness()
        _ = try repl.state.run(
            """
            local people = setmetatable({get = function() end}, {__call = function() end})
            inbox = {people = setmetatable({}, {__index = people, __metatable = false})}
            local docs = setmetatable({}, {__mode = "k"})
            docs[people] = {name = "inbox.people", signature = "(query?)",
              summary = "Iterate over people."}
            docs[inbox.people] = docs[people]
            docs[people.get] = {name = "inbox.people.get", signature = "(id)",
              summary = "One person."}
            debug.getregistry()["inbox-lua.docs"] = docs
            """)
        #expect(
            repl.show("help(inbox.people)") == """
                inbox.people(query?)
                  Iterate over people.
                  inbox.people.get(id)  One person.
                """)
        #expect(repl.show("inbox.people") == "{get = function: inbox.people.get}")
    }

    @Test("help takes a binding's name too, or the name of a module")
    func byName() throws {
        let repl = try documented()
        #expect(
            repl.show("help('inbox.threads.lookup')")
                == "inbox.threads.lookup(id) -> thread\n  Look up one thread by its id.")
        #expect(
            repl.show("help('inbox')") == """
                  inbox.threads.list(query?) -> threads  List threads, newest first.
                  inbox.threads.lookup(id) -> thread     Look up one thread by its id.
                """)
        #expect(repl.show("help('inbox.thread')") == "no help for \"inbox.thread\"")
    }

    @Test("help of something undocumented says so")
    func undocumented() throws {
        let repl = try documented()
        #expect(repl.show("help(undocumented)").hasPrefix("no help for function: 0x"))
        #expect(repl.show("help(42)") == "no help for 42")
    }

    @Test("help() lists the bindings, modules and functions there are")
    func overview() throws {
        let repl = try documented()
        let page = repl.show("help()")
        #expect(page.hasPrefix("Type Lua at the prompt: an expression prints its values"))
        #expect(
            page.contains(
                """
                Bindings:
                  inbox.threads.list(query?) -> threads  List threads, newest first.
                  inbox.threads.lookup(id) -> thread     Look up one thread by its id.
                Modules:
                  _G coroutine debug inbox io math os package string table utf8
                Functions:
                  assert collectgarbage dofile error getmetatable ipairs load loadfile next
                """))
        #expect(page.hasSuffix("  tonumber tostring type undocumented warn xpcall"))
    }

    @Test("help() without any documentation still lists the globals")
    func noDocs() throws {
        let repl = try SessionHarness()
        #expect(!repl.show("help()").contains("Bindings:"))
        #expect(repl.show("help()").contains("Modules:\n  _G coroutine"))
    }

    @Test("in the sandbox, help() lists the shared globals and the session's own")
    func sandboxOverview() throws {
        let repl = try SessionHarness(profile: .sandbox)
        _ = repl.transcript("function mine() end")
        let page = repl.show("help()")
        #expect(page.contains("Modules:\n  _G coroutine math os package string table utf8\n"))
        #expect(page.contains(" load mine next "))
    }

    @Test("what help returns prints as a pointer to the prompt")
    func tostring() throws {
        let repl = try SessionHarness()
        #expect(repl.show("tostring(help())") == "\"help: type help() at the prompt\"")
    }
}
