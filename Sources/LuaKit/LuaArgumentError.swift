/// A bad argument to a Swift function called from Lua, worded like Lua's own:
/// `bad argument #1 to 'send' (table expected, got nil)`.
public struct LuaArgumentError: Error, CustomStringConvertible {
    /// The argument's position, from 1.
    public var position: Int

    /// The function's name as registered.
    public var function: String

    /// What is wrong, such as `table expected, got nil`.
    public var problem: String

    /// Creates an argument error.
    public init(position: Int, function: String, problem: String) {
        self.position = position
        self.function = function
        self.problem = problem
    }

    /// The message in Lua's wording.
    public var description: String {
        "bad argument #\(position) to '\(function)' (\(problem))"
    }
}
