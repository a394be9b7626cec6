/// How much of a result the REPL prints.
public struct REPLPrintLimits: Sendable, Equatable {
    /// Tables nested deeper than this print as `{...}`.
    public var depth: Int

    /// The most entries printed per table; the rest are counted as `... (N more)`.
    public var items: Int

    /// Strings longer than this many bytes are cut, with their length shown.
    public var stringBytes: Int

    /// A table that fits in this many columns prints on one line.
    public var width: Int

    /// Creates limits; the defaults suit an 80-column terminal.
    public init(depth: Int = 5, items: Int = 100, stringBytes: Int = 200, width: Int = 80) {
        self.depth = depth
        self.items = items
        self.stringBytes = stringBytes
        self.width = width
    }
}
