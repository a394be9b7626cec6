import Testing

@testable import InboxREPL

@Suite("Tab completion")
struct CompleterTests {
    private func completer(_ setup: String = "") throws -> (SessionHarness, Completer) {
        let repl = try SessionHarness()
        if !setup.isEmpty {
            _ = try repl.state.run(setup)
        }
        return (repl, Completer(session: repl.session.lua))
    }

    @Test("globals, session locals and reserved words")
    func globals() throws {
        let (repl, completer) = try completer()
        #expect(completer.complete("x = str") == .init(insertion: "ing", candidates: []))
        #expect(completer.complete("fun") == .init(insertion: "ction", candidates: []))
        #expect(
            completer.complete("co")
                == .init(insertion: "", candidates: ["collectgarbage", "coroutine"]))
        _ = repl.transcript("local count = 1")
        #expect(completer.complete("cou") == .init(insertion: "nt", candidates: []))
        #expect(completer.complete("hel") == .init(insertion: "p", candidates: []))
    }

    @Test("fields of tables, nested, following __index tables")
    func fields() throws {
        let setup = """
            inbox = {threads = {lookup = 1, list = 2},
              accounts = setmetatable({}, {__index = {links = 3}})}
            json = {null = 0, encode = 1, decode = 2}
            """
        let (_, completer) = try completer(setup)
        #expect(
            completer.complete("inbox.")
                == .init(insertion: "", candidates: ["accounts", "threads"]))
        #expect(
            completer.complete("inbox.threads.l")
                == .init(insertion: "", candidates: ["list", "lookup"]))
        #expect(completer.complete("inbox.threads.lo") == .init(insertion: "okup", candidates: []))
        #expect(completer.complete("inbox.accounts.") == .init(insertion: "links", candidates: []))
        #expect(completer.complete("json.n") == .init(insertion: "ull", candidates: []))
        #expect(completer.complete("print(json.e") == .init(insertion: "ncode", candidates: []))
        #expect(completer.complete("nothing.") == .init(insertion: "", candidates: []))
    }

    @Test("the real json module's names")
    func jsonNames() throws {
        let repl = try SessionHarness()
        try repl.openJSON()
        let completer = Completer(session: repl.session.lua)
        #expect(
            completer.complete("json.")
                == .init(
                    insertion: "", candidates: ["array", "decode", "encode", "null", "pretty"]))
        #expect(completer.complete("json.n") == .init(insertion: "ull", candidates: []))
    }

    @Test("methods after `:` are the functions of the value and its __index, strings too")
    func methods() throws {
        let setup = """
            Thread = {reply = function() end, archive = function() end, kind = 'class'}
            Thread.__index = Thread
            t = setmetatable({id = 1}, Thread)
            s = 'text'
            """
        let (_, completer) = try completer(setup)
        #expect(completer.complete("t:") == .init(insertion: "", candidates: ["archive", "reply"]))
        #expect(
            completer.complete("t.")
                == .init(insertion: "", candidates: ["__index", "archive", "id", "kind", "reply"]))
        #expect(completer.complete("s:up") == .init(insertion: "per", candidates: []))
        #expect(completer.complete("s.") == .init(insertion: "", candidates: []))
    }

    @Test("completion never runs metamethods")
    func noMetamethods() throws {
        let setup = "trap = setmetatable({}, {__index = function() error('ran') end})"
        let (repl, completer) = try completer(setup)
        #expect(completer.complete("trap.x") == .init(insertion: "", candidates: []))
        #expect(repl.state.stackTop == 0)
    }

    @Test("candidates are listed in columns")
    func columns() {
        #expect(EditLineReader.columns(["ab", "c", "def"], width: 10) == "ab   c\ndef\n")
    }
}
