import Testing

@testable import InboxClient

@Suite struct RateLimiterTests {
    @Test func pacesRequestsToEachWindow() {
        let clock = RecordingClock()
        let limiter = RateLimiter(
            windows: [
                RateLimitWindow(seconds: 60, limit: 3),
                RateLimitWindow(seconds: 3600, limit: 4),
            ], clock: clock.clock)
        let token = CancellationToken()
        for _ in 0..<5 { #expect(limiter.acquire(token)) }
        // Three at t=0; the fourth waits for the minute window; the fifth for the hour.
        #expect(clock.slept == [60, 3540])
    }

    @Test func teamQuotaAllows300AMinute() {
        let clock = RecordingClock()
        let limiter = RateLimiter(windows: RateLimitWindow.teamQuota, clock: clock.clock)
        let token = CancellationToken()
        for _ in 0..<301 { _ = limiter.acquire(token) }
        #expect(clock.slept == [60])
    }

    @Test func blockHoldsTheNextRequest() {
        let clock = RecordingClock()
        let limiter = RateLimiter(windows: [], clock: clock.clock)
        limiter.block(for: 12)
        #expect(limiter.acquire(CancellationToken()))
        #expect(clock.slept == [12])
    }

    @Test func cancelledWaitReturnsFalse() {
        let clock = RecordingClock()
        let limiter = RateLimiter(
            windows: [RateLimitWindow(seconds: 60, limit: 1)],
            clock: clock.clock)
        let token = CancellationToken()
        #expect(limiter.acquire(token))
        token.cancel()
        #expect(limiter.acquire(token) == false)
    }
}
