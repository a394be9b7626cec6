import InboxEmulator
import Synchronization
import TestSupport
import Testing

@Suite("RateLimiter: the team quota, when enabled")
struct RateLimiterTests {
    /// A clock the test moves by hand, in Unix milliseconds.
    final class ManualClock: Sendable {
        let now = Atomic<Int64>(1_800_000_000_000)
        func advance(seconds: Int64) { now.add(seconds * 1000, ordering: .relaxed) }
        var read: @Sendable () -> Int64 { { self.now.load(ordering: .relaxed) } }
    }

    @Test("every answer carries the documented quota headers")
    func headers() throws {
        let clock = ManualClock()
        let harness = try EmulatorHarness(rateLimits: .inbox, clock: clock.read)
        let first = harness.call("GET", "/api/v2/team")
        let second = harness.call("GET", "/api/v1/team")

        #expect(first.headers["x-ratelimit-limit"] == "300")
        #expect(first.headers["x-ratelimit-remaining"] == "299")
        #expect(first.headers["x-ratelimit-reset"] == "1800000060")
        #expect(second.headers["x-ratelimit-remaining"] == "298")
        #expect(RateLimits.inbox.perHour == 10_000)
        #expect(RateLimits.inbox.perDay == 100_000)
    }

    @Test("the request over the minute quota is a 429 with Retry-After, in each version's shape")
    func overQuota() throws {
        let clock = ManualClock()
        let limits = RateLimits(perMinute: 3, perHour: 100, perDay: 1000)
        let harness = try EmulatorHarness(rateLimits: limits, clock: clock.read)
        for _ in 0..<3 { #expect(harness.call("GET", "/api/v2/team").status == 200) }
        clock.advance(seconds: 20)

        let v2 = harness.call("GET", "/api/v2/team")
        let v1 = harness.call("GET", "/api/v1/team")

        #expect(v2.status == 429)
        #expect(v2.errorCode == "rateLimited")
        #expect(v2.headers["retry-after"] == "40")
        #expect(v2.headers["x-ratelimit-remaining"] == "0")
        #expect(
            v2.json?["details"]
                == ["window": "minute", "limit": 3, "resetAt": "2027-01-15T08:01:00.000Z"])
        #expect(v1.status == 429)
        #expect(v1.json?["error"]?["code"] == .string("RATE_LIMITED"))
        clock.advance(seconds: 40)
        #expect(harness.call("GET", "/api/v2/team").status == 200)
    }

    @Test("the hour window refuses even when the minute window has room")
    func hourWindow() throws {
        let clock = ManualClock()
        let limits = RateLimits(perMinute: 10, perHour: 4, perDay: 1000)
        let harness = try EmulatorHarness(rateLimits: limits, clock: clock.read)
        for _ in 0..<4 {
            #expect(harness.call("GET", "/api/v2/team").status == 200)
            clock.advance(seconds: 61)
        }

        let refused = harness.call("GET", "/api/v2/team")

        #expect(refused.status == 429)
        #expect(refused.json?["details"]?["window"] == .string("hour"))
        #expect(refused.headers["retry-after"] == String(3600 - 4 * 61))
    }
}
