import Foundation
import InboxClient

/// An in-process transport that records each request and answers from a script.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [TransportRequest] = []
    private let answer:
        @Sendable (TransportRequest, Int) throws(TransportError) -> TransportResponse

    /// Answers request number `n` (0-based) with `answer(request, n)`.
    init(
        _ answer:
            @escaping @Sendable (TransportRequest, Int) throws(TransportError) -> TransportResponse
    ) {
        self.answer = answer
    }

    /// Answers every request with the same status and JSON body.
    convenience init(status: Int = 200, json: String, headers: [String: String] = [:]) {
        self.init { _, _ in
            TransportResponse(status: status, headers: headers, body: Data(json.utf8))
        }
    }

    var requests: [TransportRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func send(_ request: TransportRequest, cancellation: CancellationToken) throws(TransportError)
        -> TransportResponse
    {
        lock.lock()
        let number = recorded.count
        recorded.append(request)
        lock.unlock()
        return try answer(request, number)
    }
}

/// A clock that never really sleeps and remembers every requested sleep.
final class RecordingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var sleeps: [Double] = []
    private var offset = 0.0
    let start: Date

    init(start: Date = Date(timeIntervalSince1970: 1_796_300_000)) {
        self.start = start
    }

    var slept: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return sleeps
    }

    var clock: InboxClock {
        InboxClock(
            now: { [self] in lock.withLock { start.addingTimeInterval(offset) } },
            uptime: { [self] in lock.withLock { offset } },
            sleep: { [self] seconds, token in
                lock.withLock {
                    sleeps.append(seconds)
                    offset += seconds
                }
                return !token.isCancelled
            })
    }
}

/// A configuration for tests: a fake token, no limiter, quick retries, the given clock.
func testConfiguration(
    _ version: APIVersion = .v2, baseURL: String = "http://inbox.test/api/v2",
    clock: InboxClock, retry: RetryPolicy = RetryPolicy(backoffBase: 0.01, backoffMax: 0.05),
    timeout: Double = 5
) -> InboxConfiguration {
    InboxConfiguration(
        version: version, baseURL: baseURL, token: "ibt_test_secret",
        timeout: timeout, retry: retry, rateLimits: [], clock: clock)
}
