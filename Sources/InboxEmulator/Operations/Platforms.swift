import InboxClient

/// What the emulator's one platform, X, supports.
enum Platforms {
    /// X's DM length limit, in characters.
    static let characterLimit = 10_000

    /// The colour palette of `GET /colors`.
    static let palette: [(name: String, hex: String)] = [
        ("red", "#ef4444"), ("orange", "#f97316"), ("amber", "#f59e0b"), ("yellow", "#eab308"),
        ("green", "#22c55e"), ("teal", "#14b8a6"), ("blue", "#3b82f6"), ("indigo", "#6366f1"),
        ("purple", "#a855f7"), ("pink", "#ec4899"), ("gray", "#6b7280"),
    ]

    static var colors: JSONValue {
        .array(palette.map { .object([("name", .string($0.name)), ("hex", .string($0.hex))]) })
    }

    /// A palette name (any case) or a 6-digit hex colour, as lowercase hex.
    static func hex(_ color: String) -> String? {
        if let named = palette.first(where: { $0.name == color.lowercased() }) { return named.hex }
        let digits = color.hasPrefix("#") ? color.dropFirst() : Substring(color)
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        return "#" + digits.lowercased()
    }

    /// ``hex(_:)``, or 400 `invalidRequest` naming the `color` field.
    static func validHex(_ color: String) throws -> String {
        guard let hex = hex(color) else {
            throw APIProblem.invalid(["color"], "Expected a colour name or a 6-digit hex value")
        }
        return hex
    }

    /// `GET /platforms` (v2).
    static var info: JSONValue {
        .array([
            .object([
                ("platform", .string("twitter")), ("name", .string("X")),
                ("usernamePrefix", .string("@")), ("capabilities", .array(V2Encoding.capabilities)),
                (
                    "limits",
                    .object([
                        ("characters", .int(Int64(characterLimit))), ("mediaCount", .null),
                        ("mediaBytes", .null), ("mediaTypes", .null),
                    ])
                ),
                ("mutationWindows", .object([])),
                (
                    "threadState",
                    .object([
                        ("archive", .object([("observe", .bool(true)), ("mutate", .bool(false))])),
                        ("read", .null),
                    ])
                ),
            ])
        ])
    }
}
