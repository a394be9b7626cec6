import CLuaStandalone

/// What `--help`, `--version`, `-v` and usage errors print.
enum HelpText {
    /// inbox-lua's own version.
    static let version = "0.1.0"

    /// The one line that `-v` and `--version` print on stdout.
    static var versionLine: String {
        "inbox-lua \(version) (\(String(cString: inbox_standalone_copyright())))"
    }

    /// The hint under a usage error.
    static let usageHint = "usage: inbox-lua [options] [script [args]]; try 'inbox-lua --help'"

    /// `--help`.
    static let help = """
        usage: inbox-lua [options] [script [args]]
               inbox-lua emulator reset|serve|export|import ...

        Runs a Lua 5.4 script with the `inbox`, `json` and `log` modules, exactly as
        lua5.4 would run it. With no script, reads a script from stdin, or opens the
        REPL when stdin is a terminal.

        Lua options (as lua5.4's):
          -e stat           execute string 'stat'
          -i                enter interactive mode after executing 'script'
          -l mod            require library 'mod' into global 'mod'
          -l g=mod          require library 'mod' into global 'g'
          -v                show version information
          -E                ignore environment variables (LUA_INIT, LUA_PATH, LUA_CPATH)
          -W                turn warnings on
          --                stop handling options
          -                 stop handling options and execute stdin

        inbox-lua options:
          --emulator PATH   use the local emulator team kept at PATH (:memory: for a
                            fresh in-memory team), even when INBOX_API_TOKEN is set
          --api-version V   v1 or v2 (default: INBOX_API_VERSION, else v2)
          --dry-run         make reads, record writes; print the plan on stderr at the end
          --plan-json FILE  with --dry-run, also write the plan as JSON to FILE (- for stdout)
          --timeout SECS    stop the run after SECS seconds
          --memory-limit N  cap the Lua heap: bytes, or 512K, 64M, 1G
          --sandbox         no io, os.execute, debug or files; read-only libraries
          --help            show this help
          --version         show the version

        Backend: INBOX_API_TOKEN set means the live Inbox API (INBOX_API_URL and
        INBOX_API_VERSION optional); otherwise the local emulator at
        $XDG_DATA_HOME/inbox-lua/emulator.sqlite (default ~/.local/share/...).
        The backend opens when a script first uses `inbox`.

        Exit status: 0 success, 1 script error, 64 usage error, 130 interrupted (Ctrl-C),
        or the status given to os.exit.
        """
}
