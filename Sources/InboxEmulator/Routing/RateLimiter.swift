import FoundationEssentials
import Synchronization

/// Counts requests in sliding windows and refuses the ones over quota.
final class RateLimiter: @unchecked Sendable {
    private let limits: RateLimits
    private let lock = Mutex(())
    /// Times (ms) of admitted requests within the last day, oldest first.
    private var admitted: [Int64] = []
    private var start = 0

    init(_ limits: RateLimits) { self.limits = limits }

    private var windows: [(name: String, length: Int64, limit: Int)] {
        [
            ("minute", 60_000, limits.perMinute), ("hour", 3_600_000, limits.perHour),
            ("day", 86_400_000, limits.perDay),
        ]
    }

    /// Admits a request at `now` and returns the `X-RateLimit-*` headers, or
    /// throws `rateLimited` (with `Retry-After`) when a window is full.
    func admit(now: Int64) throws -> [(name: String, value: String)] {
        try lock.withLock { _ in
            while start < admitted.count, admitted[start] <= now - 86_400_000 { start += 1 }
            if start > 4096 {
                admitted.removeFirst(start)
                start = 0
            }
            for window in windows {
                let inWindow = count(since: now - window.length)
                guard inWindow < window.limit else {
                    let oldest = admitted[admitted.count - inWindow]
                    let resetAt = oldest + window.length
                    let retryAfter = max(1, (resetAt - now + 999) / 1000)
                    var problem = APIProblem(
                        status: 429, code: "rateLimited", legacyCode: "RATE_LIMITED",
                        message:
                            "Rate limit of \(window.limit) requests per \(window.name) exceeded",
                        details: .object([
                            ("window", .string(window.name)), ("limit", .int(Int64(window.limit))),
                            ("resetAt", .string(Timestamp.format(resetAt))),
                        ]))
                    problem.headers = headers(now: now) + [("Retry-After", String(retryAfter))]
                    throw problem
                }
            }
            admitted.append(now)
            return headers(now: now)
        }
    }

    private func count(since: Int64) -> Int {
        var low = start
        var high = admitted.count
        while low < high {
            let middle = (low + high) / 2
            if admitted[middle] <= since { low = middle + 1 } else { high = middle }
        }
        return admitted.count - low
    }

    /// The minute window's quota, the fewest requests left in any window, and
    /// when the minute window next frees a slot (Unix seconds).
    private func headers(now: Int64) -> [(name: String, value: String)] {
        let remaining = windows.map { max(0, $0.limit - count(since: now - $0.length)) }.min() ?? 0
        let inMinute = count(since: now - 60_000)
        let reset = inMinute == 0 ? now : admitted[admitted.count - inMinute] + 60_000
        return [
            ("X-RateLimit-Limit", String(limits.perMinute)),
            ("X-RateLimit-Remaining", String(remaining)),
            ("X-RateLimit-Reset", String((reset + 999) / 1000)),
        ]
    }
}
