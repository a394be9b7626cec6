/// An opaque position in a collection: v2's `nextCursor` string, or v1's `{timestamp, id}`
/// pair packed into one string.
public struct PageCursor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The cursor as a string; hand it back unchanged.
    public let value: String

    /// A cursor from its string form.
    public init(_ value: String) {
        self.value = value
    }

    /// The cursor string.
    public var description: String { value }
}
