import Foundation
import HTTPServer
import Testing

/// Ctrl-C stops the running script with status 130, even one that catches errors.
@Suite struct InterruptWatcherTests {
    private func interrupt(_ source: String) throws -> InboxLuaProcess.Outcome {
        let process = try InboxLuaProcess()
        try process.write("loop.lua", source)
        let running = try process.start(["loop.lua"])
        let started = running.read(until: "started\n")
        // The handler is installed before the chunk runs; give the loop a moment to spin.
        Thread.sleep(forTimeInterval: 0.1)
        running.signal(SIGINT)
        var outcome = running.wait()
        outcome.stdout = started + outcome.stdout
        return outcome
    }

    @Test func busyLoopStopsWith130() throws {
        let outcome = try interrupt("print('started') io.stdout:flush()\nwhile true do end\n")
        #expect(outcome.status == 130, "\(outcome)")
        #expect(!outcome.signalled)
        #expect(outcome.stdout == "started\n")
        #expect(
            outcome.stderr == """
                inbox-lua: interrupted!
                stack traceback:
                \tloop.lua:2: in main chunk
                \t[C]: in ?

                """)
    }

    @Test func pcallCannotSwallowTheInterrupt() throws {
        let outcome = try interrupt(
            "print('started') io.stdout:flush()\n"
                + "while true do pcall(function() while true do end end) end\n")
        #expect(outcome.status == 130, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("inbox-lua: interrupted!\n"))
    }

    /// Runs `inbox-lua arguments...` against a server that answers nothing for 30 s.
    private func runAgainstASilentServer(_ arguments: [String], input: String = "") throws
        -> (outcome: InboxLuaProcess.Outcome, seconds: Double)
    {
        let release = DispatchSemaphore(value: 0)
        let server = try HTTPServer { _ in
            _ = release.wait(timeout: .now() + 30)
            return .respond(HTTPResponse(status: 200, body: Array("[]".utf8)))
        }
        defer { server.stop() }
        defer { release.signal() }
        var process = try InboxLuaProcess()
        process.environment["INBOX_API_TOKEN"] = "x"
        process.environment["INBOX_API_URL"] = server.baseURL + "/api/v2"
        let started = Date()
        let outcome = try process.run(arguments, input: input)
        return (outcome, Date().timeIntervalSince(started))
    }

    /// The run's time limit, raised where the script made the blocked call.
    static let timeLimitError = "time limit exceeded\n"

    @Test func timeoutEndsAnInboxCallBlockedInHTTP() throws {
        let (outcome, seconds) = try runAgainstASilentServer([
            "--timeout", "1", "-e", "inbox.account_links()",
        ])
        #expect(seconds < 5)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(
            outcome.stderr.hasPrefix("inbox-lua: (command line):1: " + Self.timeLimitError),
            "\(outcome)")
    }

    /// The deadline that ends a blocked call is the run's time limit, which pcall cannot
    /// catch: the script does not go on past its deadline.
    @Test func pcallCannotCatchTheTimeoutOfABlockedCall() throws {
        let (outcome, seconds) = try runAgainstASilentServer([
            "--timeout", "1", "-e", "print(pcall(inbox.account_links)) print('after')",
        ])
        #expect(seconds < 5)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout == "", "\(outcome)")
        #expect(
            outcome.stderr.hasPrefix("inbox-lua: (command line):1: " + Self.timeLimitError),
            "\(outcome)")
    }

    @Test func timeoutEndsABlockedInboxCallInTheREPL() throws {
        let (outcome, seconds) = try runAgainstASilentServer(
            ["--timeout", "1", "-i"], input: "inbox.account_links()\nprint('next')\n")
        #expect(seconds < 5)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stderr.contains("stdin:1: " + Self.timeLimitError), "\(outcome)")
        #expect(outcome.stdout.contains("next\n"), "\(outcome)")
    }

    @Test func aSecondInterruptEndsALongCCall() throws {
        let process = try InboxLuaProcess()
        try process.write(
            "find.lua",
            "print('started') io.stdout:flush()\n"
                + "string.rep('a', 200000):find('.-.-.-.-.-.-b')\n")
        let running = try process.start(["find.lua"])
        _ = running.read(until: "started\n")
        Thread.sleep(forTimeInterval: 0.2)
        let started = Date()
        running.signal(SIGINT)
        Thread.sleep(forTimeInterval: 0.2)
        running.signal(SIGINT)
        // A process that survives both is killed, so that the test fails rather than hangs.
        DispatchQueue.global().asyncAfter(deadline: .now() + 8) { running.signal(SIGKILL) }
        let outcome = running.wait()
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(outcome.status == (outcome.signalled ? SIGINT : 130), "\(outcome)")
    }

    /// Lua runs finalizers with its hooks off, so the hook cannot stop a finalizer that
    /// loops, during the run or at the close after it: the process ends all the same,
    /// soon after the deadline.
    @Test(arguments: ["collectgarbage() print('after')", "print('end')"])
    func timeoutEndsTheProcessWhenAFinalizerLoops(then: String) throws {
        let started = Date()
        let outcome = try InboxLuaProcess().run([
            "--timeout", "0.3", "-e",
            "setmetatable({}, {__gc = function() while true do end end}) " + then,
        ])
        #expect(Date().timeIntervalSince(started) < 8)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(
            outcome.stderr.hasSuffix(
                "inbox-lua: time limit exceeded, and the script did not stop (a __gc finalizer "
                    + "or one long C call runs beyond the hook that stops scripts)\n"),
            "\(outcome)")
    }
}
