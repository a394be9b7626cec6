/// A palette colour tags and statuses may use.
public struct Color: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The palette name, such as `red`.
    public let name: String
    /// The hex code, such as `#ef4444`.
    public let hex: String

    /// Wraps a wire `Color`.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Color")
        self.json = json
        name = try fields.string("name")
        hex = try fields.string("hex")
    }
}
