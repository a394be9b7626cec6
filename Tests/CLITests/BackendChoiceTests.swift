import Foundation
import Testing

/// `INBOX_API_VERSION` and `--api-version` on the emulator, and the emulator's folder.
@Suite struct BackendChoiceTests {
    private static let printVersion = ["-e", "print(inbox.api_version())"]

    @Test func theVariableChoosesTheEmulatorsVersion() throws {
        var process = try InboxLuaProcess()
        process.environment["INBOX_API_VERSION"] = "v1"
        let outcome = try process.run(["--emulator", ":memory:"] + Self.printVersion)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "v1\n")
    }

    @Test func theOptionWinsOverTheVariable() throws {
        var process = try InboxLuaProcess()
        process.environment["INBOX_API_VERSION"] = "1"
        let outcome = try process.run(
            ["--emulator", ":memory:", "--api-version", "v2"] + Self.printVersion)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "v2\n")
    }

    @Test(arguments: [nil, "ibt_not_used"])
    func anInvalidVariableIsAUsageError(token: String?) throws {
        var process = try InboxLuaProcess()
        process.environment["INBOX_API_VERSION"] = "v3"
        process.environment["INBOX_API_TOKEN"] = token
        let outcome = try process.run(Self.printVersion)
        #expect(outcome.status == 64)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr == "inbox-lua: INBOX_API_VERSION must be v1 or v2, not \"v3\"\n"
                + CommandLineOptionsTests.hint)
    }

    @Test func anExplicitPathNeedsAnExistingFolder() throws {
        let process = try InboxLuaProcess()
        let path = process.folder.path + "/missing/x.sqlite"
        let outcome = try process.run(["--emulator", path, "-e", "print(inbox.team().name)"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr.hasPrefix(
                "inbox-lua: (command line):1: inbox.team: cannot open the emulator at \(path):"
                    + " no such folder \(process.folder.path)/missing\n"),
            "\(outcome)")
        #expect(!FileManager.default.fileExists(atPath: process.folder.path + "/missing"))
    }

    @Test func theDefaultPathsFolderIsCreatedWhenTheBackendOpens() throws {
        let process = try InboxLuaProcess()
        let folder = process.folder.path + "/data/inbox-lua"
        #expect(try process.run(["-e", "print(1)"]).stdout == "1\n")
        #expect(!FileManager.default.fileExists(atPath: folder))
        let outcome = try process.run(["-e", "print(inbox.team().name)"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "Acme Corp\n")
        #expect(FileManager.default.fileExists(atPath: folder + "/emulator.sqlite"))
    }
}
