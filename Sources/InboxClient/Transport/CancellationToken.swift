/// A flag another thread can trip to stop a long wait: an HTTP call, a retry sleep or
/// rate-limit pacing.
///
/// `cancel()` may be called from any thread (for example the one that handles SIGINT);
/// waits end promptly with a `.cancelled` error. `reset()` re-arms the token for the next
/// call.
public final class CancellationToken: @unchecked Sendable {
    private let condition = MonotonicCondition()
    private var cancelled = false
    private var why = "cancelled"
    private var handlers: [Int: @Sendable () -> Void] = [:]
    private var nextHandlerID = 0

    /// The reason a run's deadline gives: the scripting layer turns a call it ended into
    /// the run's time limit, which a script cannot catch.
    public static let timeLimitReason = "time limit exceeded"

    /// A token that is not cancelled.
    public init() {}

    /// Whether the token is tripped.
    public var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Why the token was tripped, for the error of the call it ends: `cancelled` unless
    /// ``cancel(reason:)`` said otherwise.
    public var reason: String {
        condition.lock()
        defer { condition.unlock() }
        return why
    }

    /// Trips the token: wakes every sleeper and runs every registered handler once.
    public func cancel() {
        cancel(reason: "cancelled")
    }

    /// Trips the token, giving the reason the ended call reports, such as
    /// `time limit exceeded`; a token already tripped keeps its first reason.
    public func cancel(reason: String) {
        condition.lock()
        guard !cancelled else { return condition.unlock() }
        cancelled = true
        why = reason
        let toRun = handlers.values
        handlers = [:]
        condition.unlock()
        // Handlers first (they abort in-flight I/O), then wake the sleepers, so that a woken
        // caller sees every handler's effect.
        for handler in toRun { handler() }
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Re-arms a tripped token.
    public func reset() {
        condition.lock()
        cancelled = false
        why = "cancelled"
        condition.unlock()
    }

    /// Sleeps for `seconds`, returning early with `false` when the token is tripped.
    @discardableResult
    public func sleep(seconds: Double) -> Bool {
        let deadline = MonotonicCondition.now() + max(0, seconds)
        condition.lock()
        defer { condition.unlock() }
        while !cancelled {
            if !condition.wait(until: deadline) { return !cancelled }
        }
        return false
    }

    /// Runs `handler` when the token is tripped (at once if it already is). Returns an id
    /// for `removeHandler`.
    @discardableResult
    public func onCancel(_ handler: @escaping @Sendable () -> Void) -> Int {
        condition.lock()
        if cancelled {
            condition.unlock()
            handler()
            return -1
        }
        nextHandlerID += 1
        let id = nextHandlerID
        handlers[id] = handler
        condition.unlock()
        return id
    }

    /// Forgets a handler registered with `onCancel`.
    public func removeHandler(_ id: Int) {
        condition.lock()
        handlers[id] = nil
        condition.unlock()
    }
}
