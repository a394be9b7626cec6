/// A request the emulator store cannot carry out: an import document it
/// cannot load, a demo contact or thread that does not exist.
public struct EmulatorFailure: Swift.Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public let reason: String

    /// The reason, as one line.
    public var description: String { reason }
}
