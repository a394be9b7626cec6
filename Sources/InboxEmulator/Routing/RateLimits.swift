/// The team-wide request quotas, enforced together over sliding windows.
public struct RateLimits: Sendable {
    /// Requests allowed per minute, hour and day.
    public var perMinute: Int, perHour: Int, perDay: Int

    /// Creates custom quotas (tests use small ones).
    public init(perMinute: Int, perHour: Int, perDay: Int) {
        self.perMinute = perMinute
        self.perHour = perHour
        self.perDay = perDay
    }

    /// The service's documented quotas: 300 a minute, 10,000 an hour,
    /// 100,000 a day, shared by every token of the team.
    public static let inbox = RateLimits(perMinute: 300, perHour: 10_000, perDay: 100_000)
}
