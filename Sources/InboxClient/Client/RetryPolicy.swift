/// How the client retries: backoff after 5xx and network errors (only where safe), and
/// how long it may wait when rate-limited.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after a 5xx or a network error, per call.
    public var maxRetries: Int
    /// Retries after a 429, per call.
    public var maxRateLimitRetries: Int
    /// The longest wait a 429 may ask for; a longer one fails at once as `.rateLimited`.
    public var maxRateLimitWait: Double
    /// The first backoff delay in seconds; each retry doubles it.
    public var backoffBase: Double
    /// The longest backoff delay in seconds.
    public var backoffMax: Double

    /// A policy; the defaults follow the vendor SDK's guidance (2 retries, 60 s cap).
    public init(
        maxRetries: Int = 2, maxRateLimitRetries: Int = 3, maxRateLimitWait: Double = 60,
        backoffBase: Double = 0.5, backoffMax: Double = 8
    ) {
        self.maxRetries = maxRetries
        self.maxRateLimitRetries = maxRateLimitRetries
        self.maxRateLimitWait = maxRateLimitWait
        self.backoffBase = backoffBase
        self.backoffMax = backoffMax
    }

    /// The jittered delay before retry number `attempt` (0 for the first): between half
    /// and all of `backoffBase × 2^attempt`, at most `backoffMax`.
    public func backoff(attempt: Int, random: Double) -> Double {
        let full = min(backoffMax, backoffBase * Double(1 << min(attempt, 20)))
        return full / 2 + full / 2 * min(max(random, 0), 1)
    }
}
