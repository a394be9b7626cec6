import Foundation
import Testing

@testable import InboxREPL

/// The REPL in a real pseudo-terminal (tmux), driving the `inbox-lua` binary.
@Suite("The REPL in a terminal")
struct REPLTerminalTests {
    @Test("expressions, statements, locals and continuation lines, as the screen shows them")
    func session() throws {
        let terminal = try TerminalDriver()
        try terminal.enter("local greeting = 'hi'")
        try terminal.enter("greeting .. '!', nil")
        try terminal.enter("for i = 1, 2 do")
        try terminal.enter("print(i)")
        try terminal.enter("end")
        try terminal.enter("{a = 1, list = {1, 2}}")
        #expect(
            try terminal.screen()
                == """
                > local greeting = 'hi'
                > greeting .. '!', nil
                "hi!"\tnil
                > for i = 1, 2 do
                >> print(i)
                >> end
                1
                2
                > {a = 1, list = {1, 2}}
                {a = 1, list = {1, 2}}
                >
                """.replacingOccurrences(of: "\t", with: "   "))
    }

    @Test("the banner names the backend and the team")
    func banner() throws {
        let terminal = try TerminalDriver()
        let path = terminal.home.path + "/.local/share/inbox-lua/emulator.sqlite"
        #expect(
            try terminal.wholeScreen() == """
                inbox-lua: using the local emulator (\(path))
                inbox-lua (Lua 5.4) on the local emulator (\(path))
                Team: Acme Corp. Type help() for help; Ctrl-D exits.
                >
                """)
    }

    @Test("Ctrl-C stops a running chunk, prints interrupted, and the session goes on")
    func interruptRun() throws {
        let terminal = try TerminalDriver()
        try terminal.enter("n = 1")
        try terminal.type("while true do n = n + 1 end")
        try terminal.submit()
        usleep(200_000)
        try terminal.press("C-c")
        try terminal.waitFor { $0.hasSuffix("interrupted\n>") }
        try terminal.enter("n > 1")
        #expect(
            try terminal.screen() == """
                > n = 1
                > while true do n = n + 1 end
                ^Cinterrupted
                > n > 1
                true
                >
                """)
    }

    @Test("Ctrl-C at the prompt abandons the line, and a pending continuation")
    func interruptPrompt() throws {
        let terminal = try TerminalDriver()
        try terminal.type("abandoned(")
        try terminal.waitFor { $0.hasSuffix("> abandoned(") }
        try terminal.press("C-c")
        try terminal.waitFor { $0.hasSuffix("^C\n>") }
        try terminal.enter("if true then")
        try terminal.press("C-c")
        try terminal.waitFor { $0.hasSuffix(">> ^C\n>") }
        try terminal.enter("1 + 1")
        #expect(
            try terminal.screen() == """
                > abandoned(^C
                > if true then
                >> ^C
                > 1 + 1
                2
                >
                """)
    }

    @Test("Ctrl-D exits")
    func endOfInput() throws {
        let terminal = try TerminalDriver()
        try terminal.press("C-d")
        try terminal.waitFor { _ in (try? terminal.exited()) == true }
        #expect(try terminal.exited())
    }

    @Test("Tab completes a unique name and lists several")
    func completion() throws {
        let terminal = try TerminalDriver()
        try terminal.type("string.fo")
        try terminal.press("Tab")
        try terminal.waitFor { $0.hasSuffix("> string.format") }
        try terminal.press("C-u")
        try terminal.type("co")
        try terminal.press("Tab")
        try terminal.waitFor { $0.hasSuffix("> co") && $0.contains("coroutine") }
        #expect(
            try terminal.screen()
                == """
                > string.format
                > co
                collectgarbage  coroutine
                > co
                """.replacingOccurrences(of: "> string.format\n", with: ""))
    }

    @Test("history persists across sessions, a multi-line entry as one entry")
    func history() throws {
        let first = try TerminalDriver()
        try first.enter("x = 1")
        try first.enter("for i = 1, 2 do")
        try first.enter("print(i * 10)")
        try first.enter("end")
        let file = first.home.appendingPathComponent(".local/share/inbox-lua/history")
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(
            saved == "_HiStOrY_V2_\nx\\040=\\0401\n"
                + "for\\040i\\040=\\0401,\\0402\\040do\\012print(i\\040*\\04010)\\012end\n")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions]
        #expect(mode as? Int == 0o600)

        let second = try TerminalDriver(home: first.home)
        try second.press("Up")
        try second.waitFor { $0.contains("end") }
        try second.press("Enter")
        try second.waitFor { $0.hasSuffix("20\n>") }
        #expect(
            try second.screen() == """
                > for i = 1, 2 do
                print(i * 10)
                end
                10
                20
                >
                """)
    }
}
