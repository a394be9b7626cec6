/// The name and colour of a tag or status to create or update.
///
/// On create, `name` is required; `color` is a palette name or a hex code. On update,
/// nil fields are left unchanged, and `.clear` removes a status's colour.
public struct LabelChange: Sendable, Hashable {
    /// The new name.
    public var name: String?
    /// The new colour, or clear it.
    public var color: FieldUpdate<String>?

    /// A change; nil leaves a field as it is.
    public init(name: String? = nil, color: FieldUpdate<String>? = nil) {
        self.name = name
        self.color = color
    }
}
