import Foundation
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
}
