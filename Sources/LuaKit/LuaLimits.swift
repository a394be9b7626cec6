/// Limits for untrusted scripts, applied to each top-level run.
///
/// A run is one call from Swift into Lua (``LuaState/call(_:_:)``, ``LuaState/run(_:name:)``,
/// ...). A limit ends the run with a ``LuaError`` of the matching kind; the script cannot
/// catch it with `pcall`, and the state stays usable.
public struct LuaLimits: Sendable, Equatable {
    /// The most bytes the state may hold; nil for no limit.
    public var memory: Int?

    /// The most VM instructions a run may execute (counted in steps of 1000; a pattern
    /// match counts one per matcher step); nil for no limit.
    public var instructions: Int?

    /// The longest a run may take by the wall clock; nil for no limit.
    public var timeout: Duration?

    /// Creates limits; every one is off unless given.
    public init(memory: Int? = nil, instructions: Int? = nil, timeout: Duration? = nil) {
        self.memory = memory
        self.instructions = instructions
        self.timeout = timeout
    }
}
