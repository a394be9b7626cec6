import CLuaStandalone
import Dispatch
import FoundationEssentials
import InboxClient
import LuaKit

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C while a chunk runs: the C handler (lua_standalone.c) hooks the state so that the
/// chunk stops at its next instruction. Once a backend is open, it also wakes this
/// watcher's thread, which trips the cancellation token so that a blocked HTTP call or a
/// retry wait ends too.
final class InterruptWatcher {
    /// The token Ctrl-C trips.
    let cancellation: CancellationToken
    private var armed = false

    /// The `--timeout` of each run: at the deadline the token is tripped too, so that an
    /// `inbox` call blocked in HTTP ends with `time limit exceeded` (LuaKit's hook only
    /// stops Lua code).
    let timeout: Duration?

    /// A watcher that trips `cancellation` on Ctrl-C, and at `timeout` into each run.
    init(cancellation: CancellationToken, timeout: Duration? = nil) {
        self.cancellation = cancellation
        self.timeout = timeout
    }

    /// Catches SIGINT, and trips the token at the deadline, for the duration of `body`,
    /// which runs chunks on `lua`.
    func catching<T>(_ lua: LuaState, _ body: () throws -> T) rethrows -> T {
        inbox_standalone_catch_interrupt(lua.pointer)
        defer { inbox_standalone_release_interrupt() }
        guard let timeout else { return try body() }
        let token = cancellation
        let deadline = DispatchWorkItem { token.cancel(reason: CancellationToken.timeLimitReason) }
        DispatchQueue.global().asyncAfter(
            deadline: .now() + .milliseconds(Int(timeout / .milliseconds(1))), execute: deadline)
        defer { deadline.cancel() }
        return try bounding(body)
    }

    /// How long past the deadline a run may still take to stop before ``bounding(_:)``
    /// ends the process.
    static let grace = Duration.seconds(2)

    /// Runs `body`; with a `--timeout`, ends the process if `body` is still running
    /// ``grace`` after the deadline. Lua stops a script at its deadline from the count
    /// hook, which Lua turns off in finalizers (`__gc`) and which cannot interrupt one long
    /// C call: a run from cron with a timeout must end all the same.
    func bounding<T>(_ body: () throws -> T) rethrows -> T {
        guard let timeout else { return try body() }
        let backstop = DispatchWorkItem {
            // The main thread is stuck, perhaps holding stdio's lock: write(2) and _exit.
            let text =
                "inbox-lua: time limit exceeded, and the script did not stop (a __gc "
                + "finalizer or one long C call runs beyond the hook that stops scripts)\n"
            _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
            _exit(1)
        }
        DispatchQueue.global().asyncAfter(
            deadline: .now() + .milliseconds(Int((timeout + Self.grace) / .milliseconds(1))),
            execute: backstop)
        defer { backstop.cancel() }
        return try body()
    }

    /// True once Ctrl-C arrived during a run.
    var wasInterrupted: Bool { inbox_standalone_interrupted() != 0 }

    /// Starts the thread that cancels blocked calls; called when the backend opens, so
    /// that a script that never uses `inbox` starts no thread.
    func armCancellation() {
        guard !armed else { return }
        armed = true
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        // Programs a script starts (os.execute, io.popen) need not hold either end.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let reader = fds[0]
        let token = cancellation
        // A queue of its own, whose thread waits on the pipe until Ctrl-C or the exit.
        DispatchQueue(label: "inbox-lua interrupts").async {
            var byte: UInt8 = 0
            while read(reader, &byte, 1) < 0 && errno == EINTR {}
            token.cancel()
        }
        inbox_standalone_set_wake_fd(fds[1])
    }
}
