import Synchronization

/// Paces requests so that no sliding window holds more than its limit, and holds every
/// request back while the server said the quota is spent (`X-RateLimit-Remaining: 0`).
///
/// Shared by every call of one client, from any thread.
final class RateLimiter: @unchecked Sendable {
    private let windows: [RateLimitWindow]
    private let clock: InboxClock
    private let lock = Mutex(())
    /// Start times (monotonic) of recent requests, oldest first, within the longest window.
    private var starts: [Double] = []
    private var head = 0
    private var blockedUntil = 0.0

    init(windows: [RateLimitWindow], clock: InboxClock) {
        self.windows = windows.filter { $0.limit > 0 && $0.seconds > 0 }
        self.clock = clock
    }

    /// Waits until a request may start, then records it. Returns false when cancelled.
    func acquire(_ cancellation: CancellationToken) -> Bool {
        while true {
            let wait = reserveOrWait()
            guard wait > 0 else { return true }
            guard clock.sleep(wait, cancellation) else { return false }
        }
    }

    /// Holds requests back for `seconds` from now (the server's quota is spent).
    func block(for seconds: Double) {
        lock.withLock { _ in blockedUntil = max(blockedUntil, clock.uptime() + seconds) }
    }

    /// Records a request start and returns 0, or returns how long to wait first.
    private func reserveOrWait() -> Double {
        lock.withLock { _ in
            let now = clock.uptime()
            var wait = blockedUntil - now
            let longest = windows.map(\.seconds).max() ?? 0
            while head < starts.count, starts[head] <= now - longest { head += 1 }
            if head > 4096, head * 2 > starts.count {
                starts.removeFirst(head)
                head = 0
            }
            for window in windows {
                let inWindow = starts.count - firstIndex(after: now - window.seconds)
                if inWindow >= window.limit {
                    let oldestThatCounts = starts[starts.count - window.limit]
                    wait = max(wait, oldestThatCounts + window.seconds - now)
                }
            }
            guard wait <= 0 else { return wait }
            starts.append(now)
            return 0
        }
    }

    /// The index of the first start later than `time` (binary search).
    private func firstIndex(after time: Double) -> Int {
        var low = head
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
