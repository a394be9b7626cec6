import CInboxREPL
import Foundation
import LuaKit
import Testing

@testable import InboxREPL

/// SIGINT handling is process-wide: these tests run one at a time, and simulate the
/// signal with `inbox_repl_interrupt_raise`, which runs the signal handler's code.
@Suite("Ctrl-C while a chunk runs", .serialized)
struct InterruptControlTests {
    private func harness() throws -> (SessionHarness, InterruptControl) {
        let repl = try SessionHarness()
        let control = try InterruptControl()
        repl.session.interrupts = control
        try repl.state.register("trip") { _ in
            inbox_repl_interrupt_raise()
            return []
        }
        return (repl, control)
    }

    @Test("an interrupt stops a loop, prints `interrupted` and keeps the session")
    func stopsLoop() throws {
        let (repl, control) = try harness()
        defer { control.close() }
        #expect(repl.transcript("local n = 7", "trip() while true do end") == "interrupted\n")
        #expect(repl.transcript("n + 1") == "8\n")
    }

    @Test("pcall in the script cannot swallow the interrupt")
    func pcallCannotCatch() throws {
        let (repl, control) = try harness()
        defer { control.close() }
        let loop = "trip() while true do pcall(function() while true do end end) end"
        #expect(repl.transcript(loop) == "interrupted\n")
        #expect(repl.transcript("pcall(error, 'x')") == "false\t\"x\"\n")
    }

    @Test("the state's own limits still apply after an interrupt")
    func limitsRestored() throws {
        let (repl, control) = try harness()
        defer { control.close() }
        repl.state.limits = LuaLimits(instructions: 100_000)
        #expect(repl.transcript("trip() while true do end") == "interrupted\n")
        #expect(
            repl.transcript("while true do end").hasPrefix("stdin:1: instruction limit exceeded\n"))
    }

    @Test("the interrupt handler runs on its own thread, so blocking calls can be cancelled")
    func cancelsBlockingCall() throws {
        let (repl, control) = try harness()
        defer { control.close() }
        let wake = DispatchSemaphore(value: 0)
        control.watch { wake.signal() }
        try repl.state.register("block") { _ in
            guard wake.wait(timeout: .now() + 10) == .success else { return ["timed out"] }
            throw LuaError(kind: .runtime, message: "cancelled")
        }
        Thread.detachNewThread {
            usleep(100_000)
            inbox_repl_interrupt_raise()
        }
        #expect(repl.transcript("block()") == "interrupted\n")
    }

    @Test("a Ctrl-C from before the run is not blamed on it")
    func earlierInterrupt() throws {
        let (repl, control) = try harness()
        defer { control.close() }
        inbox_repl_interrupt_raise()
        #expect(
            repl.transcript("error('real', 0)")
                == "real\nstack traceback:\n\t[C]: in function 'error'\n\tstdin:1: in main chunk\n")
        #expect(!control.take())
    }
}
