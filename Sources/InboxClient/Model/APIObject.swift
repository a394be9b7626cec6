/// A response object the model gives no type of its own, such as the result of an edit,
/// a deletion or a reaction; its shape is the configured API version's.
public struct APIObject: WireObject {
    /// The wire object (`null` for an empty 204 body).
    public let json: JSONValue

    /// Wraps any JSON value.
    public init(json: JSONValue) {
        self.json = json
    }
}
