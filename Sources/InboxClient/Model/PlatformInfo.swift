/// What a platform supports (v2 `GET /platforms`).
public struct PlatformInfo: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The platform key, such as `twitter`.
    public let platform: String
    /// The display name, such as `X`.
    public let name: String
    /// Capabilities such as `message:edit`.
    public let capabilities: [String]

    /// Wraps a wire `PlatformInfo`.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "PlatformInfo")
        self.json = json
        platform = try fields.string("platform")
        name = try fields.string("name")
        capabilities = try fields.idArray("capabilities")
    }
}
