/// One entry of the team's event log (v1 webhook envelope or v2 thin event).
public struct Event: WireObject {
    /// The wire object.
    public let json: JSONValue
    /// The event's id; deduplicate on it.
    public let id: String
    /// The team-wide sequence number; gaps mean missed events.
    public let seq: Int64
    /// The type, such as `message.received`.
    public let type: String
    /// The payload (`null` when absent).
    public let data: JSONValue

    /// Wraps a wire event.
    public init(json: JSONValue) throws {
        let fields = try Fields(json, "Event")
        self.json = json
        id = try fields.id("id")
        guard let seq = try fields.optionalInteger("seq") else {
            throw JSONShapeError(type: "Event", field: "seq", problem: "expected an integer")
        }
        self.seq = seq
        type = try fields.string("type")
        data = json["data"] ?? .null
    }
}
