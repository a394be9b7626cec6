import Testing

/// What `lua5.4` does, done the same way: `arg`, `...`, `-e`, `-l`, `-W`, `-E`, LUA_INIT,
/// uncaught errors and `os.exit`.
@Suite struct StandaloneRunTests {
    @Test func scriptArgumentsInArgAndDots() throws {
        let process = try InboxLuaProcess()
        try process.write(
            "args.lua", "print(arg[-2], arg[-1], arg[0], arg[1], arg[2], #arg)\nprint(...)\n")
        let outcome = try process.run(["-e", "x=1", "args.lua", "a", "b"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "-e\tx=1\targs.lua\ta\tb\t2\na\tb\n")
    }

    @Test func argWithoutScriptStartsAtTheProgram() throws {
        let outcome = try InboxLuaProcess().run(["-e", "print(arg[1], arg[2], arg[3])"])
        #expect(outcome.stdout == "-e\tprint(arg[1], arg[2], arg[3])\tnil\n")
    }

    @Test func executeRunsInOrderWithLibraries() throws {
        let outcome = try InboxLuaProcess().run([
            "-e", "a = 1", "-l", "s=string", "-lstring", "-e",
            "print(a, s.rep('x', 2), string == s)",
        ])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "1\txx\ttrue\n")
    }

    @Test func uncaughtErrorNamesFileAndLineWithTraceback() throws {
        let process = try InboxLuaProcess()
        try process.write("broken.lua", "local x = 1\nerror('boom')\n")
        let outcome = try process.run(["broken.lua"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr == """
                inbox-lua: broken.lua:2: boom
                stack traceback:
                \t[C]: in function 'error'
                \tbroken.lua:2: in main chunk
                \t[C]: in ?

                """)
    }

    @Test func tableErrorObject() throws {
        let outcome = try InboxLuaProcess().run(["-e", "error({})"])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr == """
                inbox-lua: (error object is a table value)
                stack traceback:
                \t[C]: in function 'error'
                \t(command line):1: in main chunk
                \t[C]: in ?

                """)
    }

    @Test func errorObjectWithToStringIsPrintedWithoutTraceback() throws {
        let outcome = try InboxLuaProcess().run([
            "-e", "error(setmetatable({}, {__tostring = function() return 'custom' end}))",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "inbox-lua: custom\n")
    }

    @Test func osExitCodes() throws {
        let process = try InboxLuaProcess()
        #expect(try process.run(["-e", "os.exit(3)"]).status == 3)
        #expect(try process.run(["-e", "os.exit(false)"]).status == 1)
        #expect(try process.run(["-e", "os.exit(true)"]).status == 0)
        #expect(try process.run(["-e", "os.exit()"]).status == 0)
    }

    @Test func osExitFlushesOutputAndClosesTheState() throws {
        let outcome = try InboxLuaProcess().run([
            "-e",
            "local t <close> = setmetatable({}, {__close = function() print('closed') end})"
                + " io.write('partial') os.exit(0, true)",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "partialclosed\n")
    }

    /// A finalizer that prints `gc`, as a Lua statement; a global keeps its table alive
    /// until the state closes.
    private static let printsAtGC =
        "kept = setmetatable({}, {__gc = function() print('gc') end}) io.write('partial ')"

    @Test func finalizersRunAtTheEndAsLuaClosesTheState() throws {
        let process = try InboxLuaProcess()
        let executed = try process.run(["-e", Self.printsAtGC + " print('end')"])
        #expect(executed.status == 0)
        #expect(executed.stdout == "partial end\ngc\n")
        try process.write("gc.lua", Self.printsAtGC + "\n")
        let script = try process.run(["gc.lua"])
        #expect(script.status == 0)
        #expect(script.stdout == "partial gc\n")
        let stdin = try process.run([], input: Self.printsAtGC + "\n")
        #expect(stdin.status == 0)
        #expect(stdin.stdout == "partial gc\n")
        let repl = try process.run(["-i", "-e", Self.printsAtGC], input: "")
        #expect(repl.status == 0)
        #expect(repl.stdout == HelpTextTests.versionLine + "partial > \ngc\n")
    }

    @Test func finalizersRunAfterAnUncaughtError() throws {
        let outcome = try InboxLuaProcess().run(["-e", Self.printsAtGC + " error('x', 0)"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "partial gc\n")
        #expect(outcome.stderr.hasPrefix("inbox-lua: x\nstack traceback:\n"))
    }

    @Test func osExitWithoutCloseRunsNoFinalizer() throws {
        let outcome = try InboxLuaProcess().run(["-e", Self.printsAtGC + " os.exit(2)"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "partial ")
    }

    @Test func finalizerOutputComesBeforeTheJSONPlan() throws {
        let outcome = try InboxLuaProcess().run([
            "--dry-run", "--plan-json", "-", "-e", Self.printsAtGC,
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "partial gc\n{\"dryRun\":true,\"writes\":[]}\n")
        #expect(outcome.stderr == "dry run: 0 writes not made\n")
    }

    @Test func osExitBadArgument() throws {
        let outcome = try InboxLuaProcess().run(["-e", "os.exit('a')"])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.hasPrefix(
                "inbox-lua: (command line):1: bad argument #1 to 'exit'"
                    + " (number expected, got string)\n"))
    }

    @Test func requireFindsModulesNextToTheScript() throws {
        let process = try InboxLuaProcess()
        try process.write("lib/helper.lua", "return {greet = function() return 'hello' end}\n")
        try process.write("lib/main.lua", "print(require('helper').greet())\n")
        let outcome = try process.run(["lib/main.lua"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "hello\n")
    }

    @Test func requireFindsModulesOnLuaPath() throws {
        var process = try InboxLuaProcess()
        try process.write("mods/extra.lua", "return 42\n")
        process.environment["LUA_PATH"] = process.folder.path + "/mods/?.lua"
        let outcome = try process.run(["-e", "print((require('extra')))"])
        #expect(outcome.stdout == "42\n", "\(outcome)")
        let ignored = try process.run(["-E", "-e", "print(pcall(require, 'extra'))"])
        #expect(ignored.stdout.hasPrefix("false\tmodule 'extra' not found"), "\(ignored)")
    }

    @Test func luaInitRunsFirstUnlessIgnored() throws {
        var process = try InboxLuaProcess()
        process.environment["LUA_INIT"] = "greeting = 'from init'"
        #expect(try process.run(["-e", "print(greeting)"]).stdout == "from init\n")
        #expect(try process.run(["-E", "-e", "print(greeting)"]).stdout == "nil\n")
        process.environment["LUA_INIT_5_4"] = "greeting = 'versioned'"
        #expect(try process.run(["-e", "print(greeting)"]).stdout == "versioned\n")
    }

    @Test func luaInitFromAFile() throws {
        var process = try InboxLuaProcess()
        let path = try process.write("init.lua", "greeting = 'file init'\n")
        process.environment["LUA_INIT"] = "@" + path
        #expect(try process.run(["-e", "print(greeting)"]).stdout == "file init\n")
    }

    @Test func luaInitErrorStopsTheRun() throws {
        var process = try InboxLuaProcess()
        process.environment["LUA_INIT"] = "error('bad init')"
        let outcome = try process.run(["-e", "print('not reached')"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("inbox-lua: LUA_INIT:1: bad init\n"))
    }

    @Test func warningsAreOffUntilDashW() throws {
        let process = try InboxLuaProcess()
        #expect(try process.run(["-e", "warn('quiet')"]).stderr == "")
        #expect(try process.run(["-W", "-e", "warn('a', 'b')"]).stderr == "Lua warning: ab\n")
        let switched = try process.run(["-e", "warn('@on') warn('x') warn('@off') warn('y')"])
        #expect(switched.stderr == "Lua warning: x\n")
    }

    @Test func sandboxHasNoIO() throws {
        let outcome = try InboxLuaProcess().run(["--sandbox", "-e", "print(io, os.exit, print)"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.hasPrefix("nil\tnil\tfunction: "))
    }

    @Test func dashIOpensTheREPLAfterTheOtherOptions() throws {
        let outcome = try InboxLuaProcess().run(["-i", "-e", "x = 41"], input: "x + 1\n")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == HelpTextTests.versionLine + "> x + 1\n42\n> \n")
    }
}
