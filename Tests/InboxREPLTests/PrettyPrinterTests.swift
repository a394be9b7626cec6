import LuaKit
import Testing

@testable import InboxREPL

@Suite("Printing results")
struct PrettyPrinterTests {
    @Test("scalars print as Lua literals; strings are quoted")
    func scalars() throws {
        let repl = try SessionHarness()
        #expect(
            repl.show("nil, true, 42, 1.5, 2^53, -0.0, 1/0")
                == "nil\ttrue\t42\t1.5\t9.007199254741e+15\t-0.0\tinf")
        #expect(repl.show("1566123362161725441") == "1566123362161725441")
        #expect(repl.show(#""say \"hi\"\n""#) == #""say \"hi\"\n""#)
    }

    @Test("tables print with sorted keys: the sequence, numbers, strings, booleans")
    func sortedKeys() throws {
        let repl = try SessionHarness()
        #expect(
            repl.show(#"{1, 2, z = 1, a = 2, [10] = 3, [-1] = 4, ["a b"] = 5, [true] = 6}"#)
                == #"{1, 2, [-1] = 4, [10] = 3, a = 2, ["a b"] = 5, z = 1, [true] = 6}"#)
        #expect(repl.show("{['end'] = 1, _x = 2}") == #"{_x = 2, ["end"] = 1}"#)
    }

    @Test("a table too wide for one line gets one line per entry, indented, with commas")
    func multiline() throws {
        let repl = try SessionHarness(limits: REPLPrintLimits(width: 30))
        #expect(
            repl.show("{name = 'Acme support', tags = {'vip', 'lead'}, n = 1}") == """
                {
                  n = 1,
                  name = "Acme support",
                  tags = {"vip", "lead"},
                }
                """)
        #expect(
            repl.show("{inner = {alpha = 'aaaaaaaaaa', beta = 'bbbbbbbbbb'}}") == """
                {
                  inner = {
                    alpha = "aaaaaaaaaa",
                    beta = "bbbbbbbbbb",
                  },
                }
                """)
    }

    @Test("arrays print as arrays; an empty marked array stays visibly an array")
    func arrays() throws {
        let repl = try SessionHarness()
        let marked = "setmetatable({}, debug.getregistry()['inbox-lua.array'] or {})"
        _ = try repl.state.run("debug.getregistry()['inbox-lua.array'] = {}")
        #expect(repl.show("{}") == "{}")
        #expect(repl.show(marked) == "json.array{}")
        #expect(
            repl.show("setmetatable({1, nil, 3}, debug.getregistry()['inbox-lua.array'])")
                == "{1, nil, 3}")
        #expect(repl.show("{'a', 'b', [4] = 'd'}") == #"{"a", "b", [4] = "d"}"#)
    }

    @Test("json.null prints by name")
    func jsonNull() throws {
        let repl = try SessionHarness()
        try repl.state.setGlobal("null", .null)
        #expect(repl.show("null, {field = null}") == "json.null\t{field = json.null}")
    }

    @Test("decoded JSON prints nulls, empty arrays and 64-bit ids as they are")
    func decodedJSON() throws {
        let repl = try SessionHarness()
        try repl.openJSON()
        let source = #"json.decode('{"a":null,"list":[],"ids":[1566123362161725441],"o":{}}')"#
        #expect(
            repl.show(source)
                == "{a = json.null, ids = {1566123362161725441}, list = json.array{}, o = {}}")
        #expect(repl.show("json.null") == "json.null")
    }

    @Test("cycles are labelled and marked")
    func cycles() throws {
        let repl = try SessionHarness()
        #expect(repl.transcript("t = {name = 't'}", "t.self = t", "t.list = {t}") == "")
        #expect(repl.show("t") == #"<1>{list = {<table 1>}, name = "t", self = <table 1>}"#)
        #expect(
            repl.show("{t, t}") == """
                {
                  <1>{list = {<table 1>}, name = "t", self = <table 1>},
                  <1>{list = {<table 1>}, name = "t", self = <table 1>},
                }
                """)
    }

    @Test("depth, item and string limits")
    func limits() throws {
        let repl = try SessionHarness(limits: REPLPrintLimits(depth: 2, items: 3, stringBytes: 5))
        #expect(repl.show("{{{1}}, {}}") == "{{{...}}, {}}")
        #expect(repl.show("{1, 2, 3, 4, 5, x = 1}") == "{1, 2, 3, ... (3 more)}")
        #expect(repl.show("'abcdefgh'") == #""abcde"... (8 bytes)"#)
        #expect(repl.show("'h\u{e9}llo'") == "\"h\u{e9}ll\"... (6 bytes)")
    }

    @Test("metamethods never run: __index, __pairs and __len are ignored")
    func rawAccess() throws {
        let repl = try SessionHarness()
        let source = """
            setmetatable({a = 1}, {__index = function() error('index') end,
              __pairs = function() error('pairs') end, __len = function() error('len') end,
              __tostring = function() error('tostring') end})
            """
        #expect(repl.show(source) == "{a = 1}")
    }

    @Test("userdata with a failing __tostring falls back to its name")
    func userdataFallback() throws {
        let repl = try SessionHarness()
        let output = repl.show("io.stdout, setmetatable({}, {__name = 'x'})")
        #expect(output.hasPrefix("file (0x"))
        #expect(output.hasSuffix(")\t{}"))
    }

    @Test("documented functions print by their binding name")
    func documentedFunctions() throws {
        let repl = try SessionHarness()
        _ = try repl.state.run("inbox = {threads = {lookup = function() end}}")
        try repl.document([("inbox.threads.lookup", "(id)", "Look up a thread.")])
        #expect(repl.show("inbox.threads") == "{lookup = function: inbox.threads.lookup}")
    }
}

@Suite("Quoting strings")
struct LuaQuotingTests {
    @Test("escapes control bytes and invalid UTF-8, keeps valid UTF-8")
    func escapes() {
        let bytes: [UInt8] = [
            0x61, 0x00, 0x09, 0x0D, 0x5C, 0xC3, 0xA9, 0xFF, 0xED, 0xA0, 0x80, 0x7F,
        ]
        #expect(
            LuaQuoting.quote(bytes, limit: 100)
                == "\"a\\x00\\t\\r\\\\\u{e9}\\xFF\\xED\\xA0\\x80\\x7F\"")
    }

    @Test("cuts at a character boundary")
    func cut() {
        #expect(LuaQuoting.quote(Array("\u{e9}\u{e9}".utf8), limit: 3) == "\"\u{e9}\"... (4 bytes)")
    }
}
