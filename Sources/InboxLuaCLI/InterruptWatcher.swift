import CLuaStandalone
import Foundation
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

    /// A watcher that trips `cancellation`.
    init(cancellation: CancellationToken) {
        self.cancellation = cancellation
    }

    /// Catches SIGINT for the duration of `body`, which runs chunks on `lua`.
    func catching<T>(_ lua: LuaState, _ body: () throws -> T) rethrows -> T {
        inbox_standalone_catch_interrupt(lua.pointer)
        defer { inbox_standalone_release_interrupt() }
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
        let reader = fds[0]
        let token = cancellation
        let thread = Thread {
            var byte: UInt8 = 0
            while read(reader, &byte, 1) < 0 && errno == EINTR {}
            token.cancel()
        }
        thread.start()
        inbox_standalone_set_wake_fd(fds[1])
    }
}
