/// The facts of the seeded demo team that tests and examples may rely on.
///
/// The team is generated from a fixed seed, so every other object (tags,
/// contacts, threads, messages) also comes out the same on every machine.
public enum DemoTeam {
    /// The team's id.
    public static let teamId = "c8x2kq7mvd4tnb9wz3pyhr6f"
    /// The team's name.
    public static let teamName = "Acme Corp"
    /// The team's URL segment.
    public static let teamSlug = "acme-corp"

    /// The sales account link, `@acmecorp`.
    public static let acmecorp = AccountLinkFact(
        id: "k7xq2m9vd4nbp8c3w6tyrh5a", platformId: "1876543210987654321",
        username: "acmecorp", displayName: "Acme Corp")

    /// The support account link, `@acmesupport`.
    public static let acmesupport = AccountLinkFact(
        id: "p3nf8wz2qk6vj9dm4cx7hbt1", platformId: "1566123362161725441",
        username: "acmesupport", displayName: "Acme Support")

    /// The members, owner first: (id, name, email, role).
    public static let members: [(id: String, name: String, email: String, role: String)] = [
        ("u5hd2kw8qz3mnc7vx4rt9pbe", "Dana Whitfield", "dana@acme.example", "owner"),
        ("r8bn4tq2vk6xzm3cw9hd5pye", "Luis Ortega", "luis@acme.example", "admin"),
        ("h3kv9pw5zt2mqx8nd4cb7rya", "Priya Raman", "priya@acme.example", "user"),
        ("w6zt3mq9xb2kvd5nh8pc4rye", "Sam Okafor", "sam@acme.example", "user"),
    ]

    /// Tag names with their colours, in creation order.
    public static let tags: [(name: String, color: String)] = [
        ("VIP", "#f59e0b"), ("Lead", "#3b82f6"), ("Partner", "#22c55e"),
        ("Press", "#a855f7"), ("Churn risk", "#ef4444"), ("Support", "#14b8a6"),
    ]

    /// Status names with their colours, in board order.
    public static let statuses: [(name: String, color: String?)] = [
        ("New", "#3b82f6"), ("Contacted", "#a855f7"), ("Qualified", "#f59e0b"),
        ("Won", "#22c55e"), ("Lost", nil),
    ]

    /// How many contacts (one X profile each) the team has.
    public static let contactCount = 300

    /// How many threads: contact `i` talks to @acmecorp unless `i % 3 == 2`
    /// and to @acmesupport unless `i % 3 == 0`.
    public static let threadCount = 400

    /// One connected X account of the demo team.
    public struct AccountLinkFact: Sendable {
        /// The Inbox id (what `accountLinkId` takes).
        public let id: String
        /// X's numeric user id: never accepted where an Inbox id belongs.
        public let platformId: String
        /// The handle without `@`.
        public let username: String
        /// The display name.
        public let displayName: String
    }
}
