import Testing

/// Script files and stdin, read like `luaL_loadfilex`.
@Suite struct ChunkReaderTests {
    @Test func shebangLineIsSkippedAndLinesStayRight() throws {
        let process = try InboxLuaProcess()
        try process.write("s.lua", "#!/usr/bin/env inbox-lua\nprint('ok')\nerror('line 3')\n")
        let outcome = try process.run(["s.lua"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "ok\n")
        #expect(outcome.stderr.hasPrefix("inbox-lua: s.lua:3: line 3\nstack traceback:\n"))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let process = try InboxLuaProcess()
        try process.write("bom.lua", "\u{FEFF}print('bom')\n")
        let outcome = try process.run(["bom.lua"])
        #expect(outcome.stdout == "bom\n", "\(outcome)")
    }

    @Test func missingFile() throws {
        let outcome = try InboxLuaProcess().run(["missing.lua"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "inbox-lua: cannot open missing.lua: No such file or directory\n")
    }

    @Test func syntaxErrorHasNoTraceback() throws {
        let process = try InboxLuaProcess()
        try process.write("bad.lua", "x = = 1\n")
        let outcome = try process.run(["bad.lua"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "inbox-lua: bad.lua:1: unexpected symbol near '='\n")
    }

    @Test func dashRunsStdinWithArguments() throws {
        let outcome = try InboxLuaProcess().run(
            ["-", "x", "y"], input: "print(arg[0], ...)\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "-\tx\ty\n")
    }

    @Test func noScriptAndNoTerminalRunsStdin() throws {
        let outcome = try InboxLuaProcess().run([], input: "print('from stdin')\nerror('e')\n")
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "from stdin\n")
        #expect(outcome.stderr.hasPrefix("inbox-lua: stdin:2: e\n"))
    }

    @Test func doubleDashMakesTheNextArgumentTheScript() throws {
        let process = try InboxLuaProcess()
        try process.write("-", "print('a file named dash', ...)\n")
        let outcome = try process.run(["--", "-", "1"])
        #expect(outcome.stdout == "a file named dash\t1\n", "\(outcome)")
    }

    /// The reader takes 64 KiB at a time: a script of several reads, and one of exactly one
    /// read's size, arrive whole, from a file and from stdin.
    @Test(arguments: [65_536, 200_001])
    func scriptsLongerThanOneReadArriveWhole(size: Int) throws {
        let tail = "print(#filler, 'end')\n"
        let head = "local filler = '"
        let filler = String(repeating: "x", count: size - head.count - 3 - tail.count)
        let script = head + filler + "'\n\n" + tail
        #expect(script.utf8.count == size)
        let process = try InboxLuaProcess()
        try process.write("long.lua", script)
        let fromFile = try process.run(["long.lua"])
        #expect(fromFile.stdout == "\(filler.count)\tend\n", "\(fromFile)")
        let fromStdin = try process.run(["-"], input: script)
        #expect(fromStdin.stdout == "\(filler.count)\tend\n", "\(fromStdin)")
    }
}
