/// Where the REPL's lines come from: a terminal with line editing, or a pipe.
protocol LineReader: AnyObject {
    /// Shows `prompt` and reads a line, without its newline; nil at the end of input.
    func read(prompt: String) -> String?

    /// Keeps a complete entry in the history, if there is one.
    func remember(_ entry: String)
}
