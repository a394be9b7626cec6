import Testing

/// Usage errors: exit 64, the problem on one line and the hint on the next, nothing run.
@Suite struct CommandLineOptionsTests {
    static let hint = "usage: inbox-lua [options] [script [args]]; try 'inbox-lua --help'\n"

    private func expectUsageError(_ arguments: [String], _ problem: String) throws {
        let outcome = try InboxLuaProcess().run(arguments + ["-e", "print('ran')"])
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "inbox-lua: \(problem)\n" + Self.hint)
    }

    @Test func unknownShortOption() throws {
        try expectUsageError(["-x"], "unrecognized option '-x'")
    }

    @Test func unknownLongOption() throws {
        try expectUsageError(["--frobnicate"], "unrecognized option '--frobnicate'")
    }

    @Test func optionWithExtraCharacters() throws {
        try expectUsageError(["-vx"], "unrecognized option '-vx'")
    }

    @Test func executeNeedsAnArgument() throws {
        let outcome = try InboxLuaProcess().run(["-e"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr == "inbox-lua: '-e' needs argument\n" + Self.hint)
    }

    @Test func libraryArgumentMayNotLookLikeAnOption() throws {
        let outcome = try InboxLuaProcess().run(["-l", "-v"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr == "inbox-lua: '-l' needs argument\n" + Self.hint)
    }

    @Test func badAPIVersion() throws {
        try expectUsageError(["--api-version", "v3"], "--api-version takes v1 or v2, not 'v3'")
    }

    @Test func badTimeout() throws {
        try expectUsageError(
            ["--timeout", "soon"], "--timeout takes a number of seconds above 0, not 'soon'")
        try expectUsageError(
            ["--timeout=0"], "--timeout takes a number of seconds above 0, not '0'")
    }

    @Test func timeoutTooLong() throws {
        try expectUsageError(
            ["--timeout", "1e300"],
            "--timeout takes at most 31536000 seconds (a year), not '1e300'")
        try expectUsageError(
            ["--timeout=inf"], "--timeout takes at most 31536000 seconds (a year), not 'inf'")
    }

    @Test func memoryLimitBelowTheMinimum() throws {
        try expectUsageError(
            ["--memory-limit", "10"],
            "--memory-limit must be at least 256K, which the Lua state and its modules need, "
                + "not '10'")
        try expectUsageError(
            ["--memory-limit=255K"],
            "--memory-limit must be at least 256K, which the Lua state and its modules need, "
                + "not '255K'")
    }

    @Test func badMemoryLimit() throws {
        try expectUsageError(
            ["--memory-limit", "64Q"],
            "--memory-limit takes a size such as 512K, 64M or 1G, not '64Q'")
    }

    @Test func optionValueMissingAtTheEnd() throws {
        let outcome = try InboxLuaProcess().run(["--emulator"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr == "inbox-lua: '--emulator' needs a value\n" + Self.hint)
    }

    @Test func planJSONNeedsDryRun() throws {
        try expectUsageError(["--plan-json", "plan.json"], "--plan-json needs --dry-run")
    }

    @Test func flagsTakeNoValue() throws {
        try expectUsageError(["--dry-run=yes"], "'--dry-run' takes no value")
    }

    @Test func memoryLimitSizesAreAccepted() throws {
        let outcome = try InboxLuaProcess().run(
            ["--memory-limit", "64M", "--timeout", "2.5", "-e", "print('ran')"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "ran\n")
    }

    @Test func memoryLimitStopsTheScript() throws {
        let outcome = try InboxLuaProcess().run(
            ["--memory-limit", "512K", "-e", "local t = {} for i = 1, 1e7 do t[i] = i end"])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr == "inbox-lua: not enough memory (over --memory-limit 512K)\n",
            "\(outcome)")
    }

    @Test func timeoutStopsTheScript() throws {
        let process = try InboxLuaProcess()
        try process.write("spin.lua", "local n = 0\nwhile true do n = n + 1 end\n")
        let outcome = try process.run(["--timeout", "0.2", "spin.lua"])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.hasPrefix("inbox-lua: spin.lua:2: time limit exceeded\n"), "\(outcome)")
    }
}
