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
        do {
            return try REPL(state: host.lua, options: options).run()
        } catch {
            Output.error("inbox-lua: \(error)")
            return 1
        }
    }
}
