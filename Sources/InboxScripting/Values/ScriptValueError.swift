/// A value that cannot cross between Lua and Swift or JSON as asked, or a function the
/// host cannot find.
public struct ScriptValueError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, such as `cannot convert a function to JSON (at .rule)`.
    public var message: String

    /// An error with a message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
