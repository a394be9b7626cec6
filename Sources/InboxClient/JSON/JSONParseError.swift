/// Why a body is not the JSON the client expected.
public struct JSONParseError: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in a few words.
    public let reason: String
    /// The byte offset where parsing stopped.
    public let offset: Int

    /// A one-line description such as `unexpected end of input at byte 120`.
    public var description: String { "\(reason) at byte \(offset)" }
}
