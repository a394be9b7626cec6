/// A change to a nullable field: set it, or clear it to `null`. Omit it (nil) to leave it.
public enum FieldUpdate<Value: Sendable & Hashable>: Sendable, Hashable {
    /// Set the field to this value.
    case set(Value)
    /// Clear the field (send `null`).
    case clear
}
