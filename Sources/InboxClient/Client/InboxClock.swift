import FoundationEssentials

/// The client's sense of time: the wall clock (for `Retry-After` dates and
/// `X-RateLimit-Reset`), a monotonic clock (for the limiter) and a cancellable sleep.
/// Tests swap it to observe and skip waits.
public struct InboxClock: Sendable {
    /// The current wall-clock time.
    public var now: @Sendable () -> Date
    /// Seconds on a monotonic clock.
    public var uptime: @Sendable () -> Double
    /// Sleeps for the seconds given; returns false when cancelled early.
    public var sleep: @Sendable (Double, CancellationToken) -> Bool

    /// A clock from its parts.
    public init(
        now: @escaping @Sendable () -> Date, uptime: @escaping @Sendable () -> Double,
        sleep: @escaping @Sendable (Double, CancellationToken) -> Bool
    ) {
        self.now = now
        self.uptime = uptime
        self.sleep = sleep
    }

    /// Real time and real sleeps.
    public static let system = InboxClock(
        now: { Date() },
        uptime: { ProcessInfo.processInfo.systemUptime },
        sleep: { seconds, token in token.sleep(seconds: seconds) }
    )
}
