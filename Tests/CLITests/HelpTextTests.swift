import Testing

/// `--help`, `--version` and `-v`.
@Suite struct HelpTextTests {
    static let versionLine =
        "inbox-lua 0.1.0 (Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio)\n"

    @Test func helpListsEveryOptionOnStdout() throws {
        let outcome = try InboxLuaProcess().run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout.hasPrefix("usage: inbox-lua [options] [script [args]]\n"))
        for option in [
            "-e stat", "-l g=mod", "-i ", "-v ", "-E ", "-W ", "--emulator PATH",
            "--api-version V", "--dry-run", "--plan-json FILE", "--timeout SECS",
            "--memory-limit N", "--sandbox", "--help", "--version",
        ] {
            #expect(outcome.stdout.contains(option), "help lacks \(option)")
        }
    }

    @Test func versionPrintsOneLine() throws {
        let outcome = try InboxLuaProcess().run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == Self.versionLine)
    }

    @Test func dashVPrintsTheVersionThenRunsTheRest() throws {
        let outcome = try InboxLuaProcess().run(["-v", "-e", "print('after')"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == Self.versionLine + "after\n")
    }
}
