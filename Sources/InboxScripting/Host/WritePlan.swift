import InboxClient

/// The writes a dry run recorded, in the order the script asked for them.
public struct WritePlan: Sendable, Hashable {
    /// The recorded writes, step 1 first.
    public var writes: [PlannedWrite]

    /// A plan.
    public init(writes: [PlannedWrite] = []) {
        self.writes = writes
    }

    /// True when nothing would have been changed.
    public var isEmpty: Bool { writes.isEmpty }

    /// The plan for printing at the end of a run:
    ///
    /// ```
    /// dry run: 2 writes not made
    /// 1. inbox.threads.update → k7x... {"archived":true}
    /// 2. inbox.messages.send → ... {"content":"Thanks!"}
    /// ```
    public var text: String {
        let count = writes.count
        var lines = ["dry run: \(count) write\(count == 1 ? "" : "s") not made"]
        lines += writes.map(\.line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"dryRun": true, "writes": [...]}`, for `--plan-json FILE`.
    public var json: JSONValue {
        .object(["dryRun": .bool(true), "writes": .array(writes.map(\.json))])
    }
}
