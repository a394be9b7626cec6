/// What the REPL answers to one line of input.
struct REPLReply: Equatable {
    /// Printed results, for standard output.
    var output = ""

    /// Error messages, for standard error.
    var errors = ""

    /// True when the input is incomplete and the next line continues it (`>>`).
    var continues = false

    /// The complete entry, lines joined by newlines, once it is; for the history.
    var entry: String?
}
