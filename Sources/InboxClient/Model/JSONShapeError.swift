/// A wire object lacks a field a type needs, or has one of the wrong kind.
public struct JSONShapeError: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// The type being read, such as `Thread`.
    public let type: String
    /// The member path, such as `lastMessage.id`.
    public let field: String
    /// What was expected and found.
    public let problem: String

    /// A one-line description such as `Thread.id: expected a string, found null`.
    public var description: String { "\(type).\(field): \(problem)" }
}
