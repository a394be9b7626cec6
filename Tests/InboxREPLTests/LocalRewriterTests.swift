import Testing

@testable import InboxREPL

@Suite("Rewriting top-level locals")
struct LocalRewriterTests {
    @Test("declarations become declare calls and assignments, on the same line")
    func declarations() {
        #expect(
            LocalRewriter.rewrite("local a, b = 1, 2")
                == #"_ENV["\0declare"]("a", "b") a, b = 1, 2"#)
        #expect(LocalRewriter.rewrite("local x") == #"_ENV["\0declare"]("x") x = nil"#)
        #expect(
            LocalRewriter.rewrite("local function f() end")
                == #"_ENV["\0declare"]("f") function f() end"#)
        #expect(
            LocalRewriter.rewrite("local k <const> = 1") == #"_ENV["\0declare"]("k") k  = 1"#)
    }

    @Test("only depth 0 is rewritten; strings and comments are not code")
    func depth() {
        #expect(LocalRewriter.rewrite("do local x = 1 end") == nil)
        #expect(LocalRewriter.rewrite("function f() local x = 1 end") == nil)
        #expect(LocalRewriter.rewrite("repeat local x = 1 until x") == nil)
        #expect(
            LocalRewriter.rewrite("s = 'local x' -- local y\n--[[ local z ]] t = [==[local w]==]")
                == nil)
        #expect(
            LocalRewriter.rewrite("if a then end\nlocal y = 2")
                == "if a then end\n" + #"_ENV["\0declare"]("y") y = 2"#)
    }

    @Test("`<close>` variables and `_ENV` stay real locals")
    func skipped() {
        #expect(LocalRewriter.rewrite("local c <close> = nil") == nil)
        #expect(LocalRewriter.rewrite("local _ENV = {}") == nil)
    }

    @Test("the tokenizer keeps symbols whole and skips long brackets")
    func tokens() {
        let texts = LuaTokenizer.tokens(of: Array("a==b ~= [=[x]]=] ... 0x1p-2 --c\n'q\\'r'".utf8))
            .map(\.text)
        #expect(texts == ["a", "==", "b", "~=", "[=[x]]=]", "...", "0x1p-2", "'q\\'r'"])
    }
}
