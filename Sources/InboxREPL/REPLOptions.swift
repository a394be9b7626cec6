import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// How a ``REPL`` reads, writes, remembers and reports.
public struct REPLOptions {
    /// Where lines come from. When it is a terminal the REPL edits lines with libedit;
    /// otherwise it reads plain lines, like `lua5.4 -i < file`.
    public var input: Int32 = STDIN_FILENO

    /// Where results and prompts go.
    public var output: Int32 = STDOUT_FILENO

    /// Where error messages go.
    public var errors: Int32 = STDERR_FILENO

    /// The history file; nil keeps no history. See ``defaultHistoryPath(environment:)``.
    public var historyPath: String?

    /// Shown when the session starts; nil shows none.
    public var banner: REPLBanner?

    /// How much of each result is printed.
    public var printLimits = REPLPrintLimits()

    /// Called on a thread of its own when Ctrl-C arrives while a chunk runs, besides
    /// stopping the Lua code: cancel blocking calls here (HTTP requests, sleeps), for
    /// example with `CancellationToken.cancel()`.
    public var onInterrupt: (@Sendable () -> Void)?

    /// Called before each chunk runs, for example to re-arm a cancellation token.
    public var onRunStart: (() -> Void)?

    /// Creates options for the standard streams, with the history file in the user's data
    /// directory.
    public init() {
        historyPath = Self.defaultHistoryPath(environment: ProcessInfo.processInfo.environment)
    }

    /// `$XDG_DATA_HOME/inbox-lua/history`, or `~/.local/share/inbox-lua/history`; nil
    /// when neither `XDG_DATA_HOME` nor `HOME` is set.
    public static func defaultHistoryPath(environment: [String: String]) -> String? {
        HistoryFile.defaultPath(environment: environment)
    }
}
