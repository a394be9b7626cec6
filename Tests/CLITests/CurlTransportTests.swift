import Foundation
import TestSupport
import Testing

/// The live API's transport (libcurl loaded on first use), driven through `inbox-lua`
/// against the emulator served on loopback.
@Suite struct CurlTransportTests {
    private func live(_ server: String, token: String = EmulatorHarness.token) throws
        -> InboxLuaProcess
    {
        var process = try InboxLuaProcess()
        process.environment["INBOX_API_TOKEN"] = token
        process.environment["INBOX_API_URL"] = server + "/api/v2"
        return process
    }

    @Test func writeWithABodyReachesTheServer() throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        let outcome = try live(server.baseURL).run([
            "-e",
            """
            local thread = inbox.threads.list{}[1]
            inbox.threads.update(thread.id, {archived = true})
            print(inbox.threads.get(thread.id).archived)
            """,
        ])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "true\n")
        #expect(outcome.stderr == "")
    }

    @Test func refusedConnectionIsACannotConnectError() throws {
        let outcome = try live("http://127.0.0.1:1").run(["-e", "inbox.account_links()"])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.hasPrefix(
                "inbox-lua: (command line):1: inbox.account_links: accountLinks:"
                    + " GET /account-links cannotConnect: cannot connect to the server\n"),
            "\(outcome)")
    }

    @Test func unauthorizedShowsTheAPIErrorButNotTheToken() throws {
        let harness = try EmulatorHarness()
        let server = try harness.serve()
        defer { server.stop() }
        let outcome = try live(server.baseURL, token: "ibt_wrong_secret_42").run([
            "-e", "inbox.account_links()",
        ])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.hasPrefix(
                "inbox-lua: (command line):1: inbox.account_links: accountLinks:"
                    + " GET /account-links -> 401 unauthorized: Missing or invalid API token"),
            "\(outcome)")
        #expect(!outcome.stderr.contains("ibt_wrong_secret_42"))
    }
}
