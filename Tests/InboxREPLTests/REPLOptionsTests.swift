import Testing

@testable import InboxREPL

@Suite("REPL options")
struct REPLOptionsTests {
    @Test("the history lives in the user's data directory")
    func historyPath() {
        #expect(
            REPLOptions.defaultHistoryPath(environment: [
                "XDG_DATA_HOME": "/data", "HOME": "/home/u",
            ])
                == "/data/inbox-lua/history")
        #expect(
            REPLOptions.defaultHistoryPath(environment: ["HOME": "/home/u"])
                == "/home/u/.local/share/inbox-lua/history")
        #expect(
            REPLOptions.defaultHistoryPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"])
                == "/h/.local/share/inbox-lua/history")
        #expect(REPLOptions.defaultHistoryPath(environment: [:]) == nil)
    }

    @Test("the banner names the backend and the team")
    func banner() {
        let banner = REPLBanner(backend: "the local emulator (/tmp/e.sqlite)") { "Acme Corp" }
        #expect(
            banner.text(luaVersion: "Lua 5.4") == """
                inbox-lua (Lua 5.4) on the local emulator (/tmp/e.sqlite)
                Team: Acme Corp. Type help() for help; Ctrl-D exits.

                """)
        #expect(
            REPLBanner(backend: "Inbox API v2").text(luaVersion: "Lua 5.4")
                == "inbox-lua (Lua 5.4) on Inbox API v2\nType help() for help; Ctrl-D exits.\n")
    }
}

@Suite("Laying out printed values")
struct PrintedValueTests {
    @Test("a nested table breaks only where it does not fit, closing at its own indent")
    func layout() {
        let inner = PrintedValue.table(
            label: nil, prefix: "",
            entries: [.init(key: "a", value: .atom("1")), .init(key: "b", value: .atom("2"))],
            omitted: 0)
        let outer = PrintedValue.table(
            label: 1, prefix: "", entries: [.init(key: "inner", value: inner)], omitted: 4)
        #expect(outer.compact == "<1>{inner = {a = 1, b = 2}, ... (4 more)}")
        #expect(
            outer.layout(width: 20) == """
                <1>{
                  inner = {
                    a = 1,
                    b = 2,
                  },
                  ... (4 more)
                }
                """)
        #expect(outer.layout(width: 30) == "<1>{\n  inner = {a = 1, b = 2},\n  ... (4 more)\n}")
    }
}
