import Foundation

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

    private let lock = NSLock()
    private var queue: [Fault] = []

    init() {}

    /// Applies `fault` to the next `count` requests, after any already queued.
    public func inject(_ fault: Fault, count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        queue += Array(repeating: fault, count: max(0, count))
    }

    /// Forgets every queued fault.
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        queue.removeAll()
    }

    /// How many faults are still queued.
    public var pending: Int {
        lock.lock()
        defer { lock.unlock() }
        return queue.count
    }

    /// The fault for the request arriving now, if any.
    func next() -> Fault? {
        lock.lock()
        defer { lock.unlock() }
        return queue.isEmpty ? nil : queue.removeFirst()
    }
}
