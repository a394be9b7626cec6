import InboxScripting

/// Opens the REPL on the host's state, for `-i` and for no script on a terminal.
enum REPLLauncher {
    /// Runs the REPL until end of input and returns the exit status.
    ///
    /// TODO: call the InboxREPL target once the REPL branch is merged; until then `-i` and
    /// a terminal without a script say so and fail.
    static func run(host: ScriptHost) -> Int32 {
        Output.error("inbox-lua: the REPL is not part of this build yet")
        return 1
    }
}
