import InboxClient

/// One call that would have changed something, recorded by a dry run instead of made.
public struct PlannedWrite: Sendable, Hashable {
    /// The position in the plan, from 1.
    public var step: Int
    /// The binding, such as `inbox.messages.send`.
    public var operation: String
    /// The arguments as the binding understood them (API field names).
    public var arguments: JSONValue
    /// The ids the write would touch (thread, message, person, tag...).
    public var targets: [String]

    /// A recorded write.
    public init(step: Int, operation: String, arguments: JSONValue, targets: [String]) {
        self.step = step
        self.operation = operation
        self.arguments = arguments
        self.targets = targets
    }

    /// `{"step": 1, "operation": "...", "targets": [...], "arguments": {...}}`.
    public var json: JSONValue {
        .object([
            "step": .integer(Int64(step)), "operation": .string(operation),
            "targets": .array(targets.map(JSONValue.string)), "arguments": arguments,
        ])
    }

    /// One line: `1. inbox.messages.send → p3nf8wz2qk6vj9dm4cx7hbt1 {"content":"Hi"}`.
    public var line: String {
        let target = targets.isEmpty ? "" : " → " + targets.joined(separator: ", ")
        return "\(step). \(operation)\(target) \(arguments.jsonText)"
    }
}
