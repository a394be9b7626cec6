import Foundation
import Testing

/// `inbox-lua emulator ...`: usage errors on one line plus a hint, and the emulator's folder.
@Suite struct EmulatorCommandTests {
    static let hint =
        "usage: inbox-lua emulator reset|serve|export|import|receive ...;"
        + " try 'inbox-lua emulator --help'\n"

    private func expectUsageError(_ arguments: [String], _ problem: String) throws {
        let process = try InboxLuaProcess()
        let outcome = try process.run(["emulator"] + arguments)
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "inbox-lua emulator: \(problem)\n" + Self.hint)
        #expect(!FileManager.default.fileExists(atPath: process.folder.path + "/data"))
    }

    @Test func usageErrorsPrintOneLineAndTheHint() throws {
        try expectUsageError([], "missing subcommand")
        try expectUsageError(["frobnicate"], "unknown subcommand 'frobnicate'")
        try expectUsageError(["serve", "--port", "0"], "serve needs --token T")
        try expectUsageError(["export", "--bogus"], "unknown option --bogus")
    }

    @Test func extraArgumentsAreUsageErrors() throws {
        try expectUsageError(["reset", "extra"], "reset takes no arguments")
        try expectUsageError(["export", "extra"], "export takes no arguments")
        try expectUsageError(
            ["import", "a.json", "b.json"], "import needs one FILE (or - for stdin)")
        try expectUsageError(["receive", "thread"], "receive needs THREAD_ID and TEXT")
    }

    @Test func receiveRefusesAnEmptyText() throws {
        try expectUsageError(
            ["receive", "thread", "", "--emulator", ":memory:"],
            "receive: the TEXT must not be empty")
    }

    @Test func anExplicitPathNeedsAnExistingFolder() throws {
        let process = try InboxLuaProcess()
        let path = process.folder.path + "/missing/x.sqlite"
        let outcome = try process.run(["emulator", "reset", "--emulator", path])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr == "inbox-lua: cannot open the emulator at \(path):"
                + " no such folder \(process.folder.path)/missing\n")
        #expect(!FileManager.default.fileExists(atPath: process.folder.path + "/missing"))
    }
}
