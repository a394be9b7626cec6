import LuaKit
import Testing

@testable import InboxREPL

@Suite("REPL input handling")
struct REPLSessionTests {
    @Test("an expression prints all its values, trailing nils included")
    func expressionValues() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("1, nil, nil") == "1\tnil\tnil\n")
        #expect(repl.transcript("(nil)") == "nil\n")
        #expect(repl.transcript("select('#')") == "0\n")
    }

    @Test("a statement runs and prints nothing; a returning statement prints its values")
    func statements() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("x = 41") == "")
        #expect(repl.transcript("x + 1") == "42\n")
        #expect(repl.transcript("do return 'a', 2 end") == "\"a\"\t2\n")
    }

    @Test("incomplete input continues on the next line, statements and expressions alike")
    func continuation() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("for i = 1, 3 do", "x = i", "end", "x") == ">>\n>>\n3\n")
        #expect(repl.transcript("{1,", "2}") == ">>\n{1, 2}\n")
        #expect(
            repl.transcript("f = function()", "return 'ok'", "end", "f()") == ">>\n>>\n\"ok\"\n")
        #expect(!repl.session.isContinuing)
    }

    @Test("the entry is complete only once it compiles, joined with newlines for the history")
    func entries() throws {
        let repl = try SessionHarness()
        #expect(repl.session.feed("if true then").entry == nil)
        #expect(repl.session.feed("end").entry == "if true then\nend")
        #expect(repl.session.feed("x = = 1").entry == "x = = 1")
    }

    @Test("a syntax error not at the end is reported as lua5.4 reports it")
    func syntaxError() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("x = = 1") == "stdin:1: unexpected symbol near '='\n")
        #expect(
            repl.transcript("for i = 1, 2 do", "x = = 1")
                == ">>\nstdin:2: unexpected symbol near '='\n")
    }

    @Test("a runtime error shows the message and the traceback, without the REPL's frames")
    func runtimeError() throws {
        let repl = try SessionHarness()
        #expect(
            repl.transcript("error('boom')") == """
                stdin:1: boom
                stack traceback:
                \t[C]: in function 'error'
                \tstdin:1: in main chunk

                """)
        #expect(repl.transcript("1 + 1") == "2\n")
    }

    @Test("`=` at the start of a line means return, like lua5.4")
    func equalsShorthand() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("= 1 + 2") == "3\n")
    }

    @Test("top-level locals persist from line to line")
    func locals() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("local a, b = 1, 2", "a + b") == "3\n")
        #expect(repl.transcript("local function twice(n) return 2 * n end", "twice(a)") == "2\n")
        #expect(repl.transcript("local s <const> = 'x'", "s") == "\"x\"\n")
        #expect(
            repl.transcript(
                "local fact", "function fact(n) return n < 2 and 1 or n * fact(n - 1) end",
                "fact(5)") == "120\n")
        #expect(try repl.state.global("a") == .nil)
        #expect(try repl.state.global("fact") == .nil)
    }

    @Test("a local shadows a global, reads the old value on its right-hand side, and goes nil")
    func localShadowing() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("local print = print", "print == _G.print") == "true\n")
        #expect(repl.transcript("local type", "type") == "nil\n")
        #expect(repl.transcript("_G.type ~= nil") == "true\n")
        #expect(repl.transcript("type = 1", "_G.type ~= 1") == "true\n")
        #expect(repl.transcript("y = 5", "_G.y") == "5\n")
    }

    @Test("a local declared by a failed statement does not leak into later assignments")
    func failedDeclaration() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("local z = error('no')").hasPrefix("stdin:1: no\n"))
        #expect(repl.transcript("z = 3", "_G.z") == "3\n")
    }

    @Test("locals inside blocks and functions stay ordinary locals")
    func blockLocals() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("do local inner = 1 end", "inner") == "nil\n")
        #expect(repl.transcript("local closed <close> = nil", "closed") == "nil\n")
    }

    @Test("`_` holds the first value of the last result")
    func lastResult() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("6 * 7, 'x'", "_") == "42\t\"x\"\n42\n")
        #expect(repl.transcript("x = 1", "_ + 1") == "43\n")
    }

    @Test("the sandbox profile works too, with its own session globals")
    func sandbox() throws {
        let repl = try SessionHarness(profile: .sandbox)
        #expect(repl.transcript("local n = 2", "g = n * 3", "g + n") == "8\n")
        #expect(repl.transcript("string.upper('a')") == "\"A\"\n")
    }

    @Test("the stack is left as it was")
    func stackBalance() throws {
        let repl = try SessionHarness()
        let top = repl.state.stackTop
        _ = repl.transcript("{1, {2}}", "error('x')", "x = = 1", "for i = 1, 2 do", "end", "help()")
        #expect(repl.state.stackTop == top)
    }
}
