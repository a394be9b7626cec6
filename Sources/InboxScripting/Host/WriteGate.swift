import InboxClient

/// The one place every write passes through. In a dry run it records the call, in order,
/// and returns a placeholder instead of making it.
final class WriteGate {
    let dryRun: Bool
    private(set) var plan = WritePlan()

    init(dryRun: Bool) {
        self.dryRun = dryRun
    }

    /// The step number the next recorded write gets.
    var nextStep: Int { plan.writes.count + 1 }

    /// Makes the write with `perform`, or in a dry run records it and returns `placeholder`.
    func write<T>(
        _ operation: String, arguments: JSONValue, targets: [String],
        placeholder: () throws -> T, perform: () throws -> T
    ) throws -> T {
        guard dryRun else { return try perform() }
        let value = try placeholder()
        plan.writes.append(
            PlannedWrite(
                step: nextStep, operation: operation, arguments: arguments, targets: targets))
        return value
    }
}
