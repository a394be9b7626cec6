import Testing

@testable import InboxClient

@Suite struct RetryPolicyTests {
    @Test func backoffDoublesWithJitterUpToTheMaximum() {
        let policy = RetryPolicy(backoffBase: 0.5, backoffMax: 3)
        #expect(policy.backoff(attempt: 0, random: 0) == 0.25)
        #expect(policy.backoff(attempt: 0, random: 1) == 0.5)
        #expect(policy.backoff(attempt: 2, random: 0.5) == 1.5)
        #expect(policy.backoff(attempt: 10, random: 1) == 3)
    }
}
