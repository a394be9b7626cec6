import Foundation
import InboxClient
import InboxREPL
import InboxScripting

/// Opens the REPL on the host's state, for `-i` and for no script on a terminal: the
/// globals a script or `-e` defined stay visible, and Ctrl-C in a running line also
/// cancels a blocked `inbox` call.
enum REPLLauncher {
    /// Runs the REPL until end of input and returns the exit status.
    static func run(host: ScriptHost, cancellation: CancellationToken) -> Int32 {
        // The REPL writes to the descriptors; what C's stdout holds goes first.
        Output.flush()
        var options = REPLOptions()
        options.onInterrupt = { cancellation.cancel() }
        options.onRunStart = { cancellation.reset() }
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
