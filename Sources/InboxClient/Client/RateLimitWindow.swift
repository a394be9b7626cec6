/// One sliding window of the client-side limiter: at most `limit` requests per `seconds`.
public struct RateLimitWindow: Sendable, Hashable {
    /// The window's length in seconds.
    public var seconds: Double
    /// Requests allowed within any window of that length.
    public var limit: Int

    /// A window.
    public init(seconds: Double, limit: Int) {
        self.seconds = seconds
        self.limit = limit
    }

    /// The team quota the docs give: 300 a minute, 10,000 an hour, 100,000 a day.
    public static let teamQuota = [
        RateLimitWindow(seconds: 60, limit: 300),
        RateLimitWindow(seconds: 3600, limit: 10_000),
        RateLimitWindow(seconds: 86_400, limit: 100_000),
    ]
}
