import Dispatch
import FoundationEssentials
import InboxClient
import InboxREPL
import InboxScripting
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Opens the REPL on the host's state, for `-i` and for no script on a terminal: the
/// globals a script or `-e` defined stay visible, and Ctrl-C in a running line also
/// cancels a blocked `inbox` call.
enum REPLLauncher {
    /// Runs the REPL until end of input and returns the exit status.
    ///
    /// With a `timeout`, each line's run also trips the token at its deadline, so that a
    /// blocked `inbox` call ends with `time limit exceeded`; a deadline left over from an
    /// earlier line does nothing, since the token is reset at every start.
    static func run(host: ScriptHost, cancellation: CancellationToken, timeout: Duration?)
        -> Int32
    {
        // help() and completion read the whole module: build it now rather than on first use.
        do {
            try host.buildInbox()
        } catch {
            Output.error("inbox-lua: \(error)")
        }
        // The REPL writes to the descriptors; what C's stdout holds goes first.
        Output.flush()
        var options = REPLOptions()
        options.onInterrupt = { cancellation.cancel() }
        let runs = RunCounter()
        options.onRunStart = {
            cancellation.reset()
            guard let timeout else { return }
            let run = runs.next()
            let delay = DispatchTimeInterval.milliseconds(Int(timeout / .milliseconds(1)))
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                if runs.current == run {
                    cancellation.cancel(reason: CancellationToken.timeLimitReason)
                }
            }
        }
        if isatty(options.input) != 0 {
            options.banner = banner(for: host)
        }
        do {
            return try REPL(state: host.lua, options: options).run()
        } catch {
            Output.error("inbox-lua: \(error)")
            return 1
        }
    }

    /// Names the backend and, when it answers, the team: the person at the prompt should
    /// know at once whether their commands reach the live inbox or the emulator.
    private static func banner(for host: ScriptHost) -> REPLBanner {
        REPLBanner(backend: host.backend.description) {
            try? host.openInbox().team().name
        }
    }
}

/// Numbers the REPL's runs, so that a deadline knows whether its run is still the latest.
private final class RunCounter: @unchecked Sendable {
    private let lock = Mutex(())
    private var count = 0

    /// Starts a new run and returns its number.
    func next() -> Int {
        lock.withLock { _ in
            count += 1
            return count
        }
    }

    /// The number of the latest run.
    var current: Int { lock.withLock { _ in count } }
}
