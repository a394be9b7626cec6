import Foundation
import TestSupport
import Testing

/// The backend, the one-time emulator notice, dry runs, and the token staying secret.
@Suite struct ScriptCommandTests {
    @Test func noNoticeWhenInboxIsNotUsed() throws {
        let outcome = try InboxLuaProcess().run(["-e", "print('hello')"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "hello\n")
        #expect(outcome.stderr == "")
    }

    @Test func noticeOnceOnFirstUseOfTheDefaultEmulator() throws {
        let process = try InboxLuaProcess()
        try process.write(
            "links.lua",
            "print('before')\nprint(#inbox.account_links())\nprint(#inbox.account_links())\n")
        let outcome = try process.run(["links.lua"])
        let path = process.folder.path + "/data/inbox-lua/emulator.sqlite"
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "before\n2\n2\n")
        #expect(outcome.stderr == "inbox-lua: using the local emulator (\(path))\n")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func emulatorOptionWinsOverAToken() throws {
        var process = try InboxLuaProcess()
        process.environment["INBOX_API_TOKEN"] = "ibt_should_not_be_used"
        let outcome = try process.run([
            "--emulator", ":memory:", "-e", "print(#inbox.account_links())",
        ])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "2\n")
        #expect(outcome.stderr == "inbox-lua: using the local emulator (:memory:)\n")
    }

    @Test func dryRunPrintsThePlanAndWritesJSON() throws {
        let process = try InboxLuaProcess()
        try process.write(
            "archive.lua",
            """
            local thread = inbox.threads.list{}[1]
            inbox.threads.update(thread.id, {archived = true})
            print(thread.id)
            """)
        let outcome = try process.run([
            "--emulator", ":memory:", "--dry-run", "--plan-json", "plan.json", "archive.lua",
        ])
        #expect(outcome.status == 0, "\(outcome)")
        let id = outcome.stdout.trimmingCharacters(in: .newlines)
        #expect(id.count == 24)
        #expect(
            outcome.stderr == """
                inbox-lua: using the local emulator (:memory:)
                dry run: 1 write not made
                1. inbox.threads.update → \(id) {"archived":true,"id":"\(id)"}

                """)
        #expect(
            try process.read("plan.json") == """
                {"dryRun":true,"writes":[{"step":1,"operation":"inbox.threads.update",\
                "targets":["\(id)"],"arguments":{"archived":true,"id":"\(id)"}}]}

                """)
    }

    @Test func dryRunPlanIsPrintedOnOsExitToo() throws {
        let outcome = try InboxLuaProcess().run([
            "--emulator", ":memory:", "--dry-run", "-e", "os.exit(4)",
        ])
        #expect(outcome.status == 4)
        #expect(outcome.stderr == "dry run: 0 writes not made\n")
    }

    @Test func planJSONToStdout() throws {
        let outcome = try InboxLuaProcess().run([
            "--dry-run", "--plan-json", "-", "-e", "print('run')",
        ])
        #expect(outcome.stdout == "run\n{\"dryRun\":true,\"writes\":[]}\n")
    }

    @Test func tokenNeverAppearsOnAnErrorPath() throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        let secret = "ibt_very_secret_value_123"
        var process = try InboxLuaProcess()
        process.environment["INBOX_API_TOKEN"] = secret
        process.environment["INBOX_API_URL"] = server.baseURL + "/api/v2"
        let outcome = try process.run([
            "-e", "print(#inbox.account_links())", "-e", "print(os.getenv('INBOX_API_TOKEN'))",
        ])
        #expect(outcome.status == 1, "\(outcome)")
        #expect(!outcome.stdout.contains(secret))
        #expect(!outcome.stderr.contains(secret))
        #expect(outcome.stderr.hasPrefix("inbox-lua: (command line):1: "), "\(outcome)")
    }

    /// Runs `script` against the emulator served over HTTP, with its token set.
    private func runLive(_ script: String) throws -> InboxLuaProcess.Outcome {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        var process = try InboxLuaProcess()
        process.environment["INBOX_API_TOKEN"] = EmulatorHarness.token
        process.environment["INBOX_API_URL"] = server.baseURL + "/api/v2"
        return try process.run(["-e", script])
    }

    @Test func liveBackendReachesTheServerWithTheToken() throws {
        let outcome = try runLive("print(#inbox.account_links())")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "2\n")
        #expect(outcome.stderr == "")
    }

    @Test func scriptsAndChildProcessesNeverSeeTheToken() throws {
        let outcome = try runLive(
            """
            print(os.getenv("INBOX_API_TOKEN"))
            print(#inbox.account_links())
            print(io.popen('echo "[$INBOX_API_TOKEN]"'):read("l"))
            """)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "nil\n2\n[]\n")
        #expect(outcome.stderr == "")
    }
}
