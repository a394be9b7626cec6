import Foundation
import Testing

@testable import InboxClient

@Suite struct CancellationTokenTests {
    @Test func cancelWakesASleeperAndRunsHandlersOnce() {
        let token = CancellationToken()
        let calls = Counter()
        token.onCancel { calls.increment() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { token.cancel() }
        let started = Date()
        #expect(token.sleep(seconds: 5) == false)
        #expect(Date().timeIntervalSince(started) < 2)
        token.cancel()
        #expect(calls.value == 1)
        #expect(token.isCancelled)
        token.reset()
        #expect(token.sleep(seconds: 0.01))
    }

    @Test func theFirstReasonIsKeptUntilReset() {
        let token = CancellationToken()
        #expect(token.reason == "cancelled")
        token.cancel(reason: "time limit exceeded")
        token.cancel()
        #expect(token.reason == "time limit exceeded")
        token.reset()
        #expect(token.reason == "cancelled")
    }

    @Test func removedHandlerDoesNotRun() {
        let token = CancellationToken()
        let calls = Counter()
        let id = token.onCancel { calls.increment() }
        token.removeHandler(id)
        token.cancel()
        #expect(calls.value == 0)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
