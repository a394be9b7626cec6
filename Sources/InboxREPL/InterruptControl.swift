import CInboxREPL
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C for one REPL: a Swift face for the signal handling in `CInboxREPL`.
///
/// SIGINT is process-wide, so only one of these should be open at a time.
final class InterruptControl {
    private var closed = false

    /// Opens the wake-up pipes.
    init() throws {
        guard inbox_repl_interrupt_open() == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    deinit {
        close()
    }

    /// Calls `handler` on a thread of its own for each Ctrl-C while a chunk runs, so that
    /// blocking calls (HTTP, sleeps) can be cancelled.
    func watch(_ handler: @escaping @Sendable () -> Void) {
        let descriptor = inbox_repl_interrupt_watch_fd()
        guard descriptor >= 0 else { return }
        let watcher = Watcher {
            while inbox_repl_interrupt_wait(descriptor) == 1 {
                handler()
            }
            Glibc.close(descriptor)
        }
        // Detached: it ends by itself once `close()` closes the pipe it reads.
        var thread = pthread_t()
        let context = Unmanaged.passRetained(watcher).toOpaque()
        guard pthread_create(&thread, nil, Watcher.main, context) == 0 else {
            Unmanaged<Watcher>.fromOpaque(context).release()
            Glibc.close(descriptor)
            return
        }
        pthread_detach(thread)
    }

    /// Ctrl-C abandons the line being edited.
    func prompt() { inbox_repl_interrupt_prompt() }

    /// Ctrl-C stops the chunk running in `state`.
    func beginRun(_ state: OpaquePointer) { inbox_repl_interrupt_begin_run(state) }

    /// The chunk is over; the caller puts back its own hooks.
    func endRun() { inbox_repl_interrupt_end_run() }

    /// The previous SIGINT handler is back (Ctrl-C at a prompt ends the process).
    func restore() { inbox_repl_interrupt_restore() }

    /// True, once, when a Ctrl-C came since the last call.
    func take() -> Bool { inbox_repl_interrupt_take() != 0 }

    /// Restores the previous handler and ends the watcher thread.
    func close() {
        guard !closed else { return }
        closed = true
        inbox_repl_interrupt_restore()
        inbox_repl_interrupt_close()
    }
}

/// The body of the thread that waits for Ctrl-C.
private final class Watcher: @unchecked Sendable {
    let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }

    /// The thread's start routine; takes the retained watcher.
    static let main: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = {
        context in
        guard let context else { return nil }
        Unmanaged<Watcher>.fromOpaque(context).takeRetainedValue().body()
        return nil
    }
}
