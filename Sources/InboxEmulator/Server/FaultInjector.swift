import FoundationEssentials
import Synchronization

/// Failures a test asks the HTTP server to simulate. Off unless a test
/// queues some: each queued fault answers (or drops) exactly one request.
public final class FaultInjector: @unchecked Sendable {
    /// One simulated failure.
    public enum Fault: Sendable, Equatable {
        /// 429 `rateLimited` with `Retry-After: seconds`.
        case rateLimited(retryAfterSeconds: Int)
        /// 500 `internal`.
        case serverError
        /// Close the connection without answering.
        case dropConnection
        /// Answer normally, but only after this many milliseconds.
        case delay(milliseconds: Int)
    }

    private let lock = Mutex(())
    private var queue: [Fault] = []

    init() {}

    /// Applies `fault` to the next `count` requests, after any already queued.
    public func inject(_ fault: Fault, count: Int = 1) {
        lock.withLock { _ in queue += Array(repeating: fault, count: max(0, count)) }
    }

    /// Forgets every queued fault.
    public func clear() {
        lock.withLock { _ in queue.removeAll() }
    }

    /// How many faults are still queued.
    public var pending: Int {
        lock.withLock { _ in queue.count }
    }

    /// The fault for the request arriving now, if any.
    func next() -> Fault? {
        lock.withLock { _ in queue.isEmpty ? nil : queue.removeFirst() }
    }
}
