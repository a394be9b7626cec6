import FoundationEssentials

/// Sends API calls over a transport: authorization, client-side pacing, and retries where
/// they are safe. Shared by the v1 and v2 clients.
final class HTTPEngine: Sendable {
    let configuration: InboxConfiguration
    let transport: any HTTPTransport
    let cancellation: CancellationToken
    let limiter: RateLimiter

    init(
        configuration: InboxConfiguration, transport: any HTTPTransport,
        cancellation: CancellationToken
    ) {
        self.configuration = configuration
        self.transport = transport
        self.cancellation = cancellation
        limiter = RateLimiter(windows: configuration.rateLimits, clock: configuration.clock)
    }

    /// Sends the call until it succeeds or fails for good; returns the 2xx response.
    func perform(_ call: APICall) throws -> TransportResponse {
        let request = makeRequest(call)
        let policy = configuration.retry
        var failures = 0
        var rateLimitRetries = 0
        while true {
            guard !cancellation.isCancelled, limiter.acquire(cancellation) else {
                throw cancelled(call)
            }
            let response: TransportResponse
            do {
                response = try transport.send(request, cancellation: cancellation)
            } catch {
                guard error.kind != .cancelled, !cancellation.isCancelled else {
                    throw cancelled(call)
                }
                let repeatable = call.safety.repeatable || !error.requestMayHaveBeenSent
                guard repeatable, failures < policy.maxRetries else {
                    throw transportFailure(call, error)
                }
                try pause(policy.backoff(attempt: failures, random: .random(in: 0...1)), call)
                failures += 1
                continue
            }
            noteQuota(response)
            if (200..<300).contains(response.status) { return response }

            var failure = apiFailure(call, response)
            if response.status == 429 {
                let wait =
                    failure.retryAfter
                    ?? policy.backoff(
                        attempt: rateLimitRetries,
                        random: .random(in: 0...1))
                failure.kind = .rateLimited
                failure.retryAfter = wait
                guard rateLimitRetries < policy.maxRateLimitRetries,
                    wait <= policy.maxRateLimitWait
                else { throw failure }
                try pause(wait, call)
                rateLimitRetries += 1
                continue
            }
            if try shouldRetry(&failure, call, failures: failures) {
                // A 503 may say how long the platform needs (Retry-After, retryAfterSeconds).
                let backoff = policy.backoff(attempt: failures, random: .random(in: 0...1))
                try pause(max(backoff, failure.retryAfter ?? 0), call)
                failures += 1
                continue
            }
            throw failure
        }
    }

    /// Decides whether an error status is worth another attempt; marks sends that may have
    /// been delivered.
    private func shouldRetry(_ failure: inout InboxError, _ call: APICall, failures: Int)
        throws -> Bool
    {
        let status = failure.status ?? 0
        let sendInProgress = status == 409 && failure.code == "sendInProgress"
        guard status >= 500 || sendInProgress else { return false }
        if failure.code == "sendUnconfirmed" || (call.safety == .unsafeSend && status >= 500) {
            failure.kind = .mayHaveBeenDelivered
            failure.message += "; the message may have been delivered, so it was not retried"
            return false
        }
        guard call.safety.repeatable else { return false }
        if let wait = failure.retryAfter, wait > configuration.retry.maxRateLimitWait {
            return false
        }
        return failures < configuration.retry.maxRetries
    }

    private func pause(_ seconds: Double, _ call: APICall) throws {
        guard configuration.clock.sleep(seconds, cancellation) else { throw cancelled(call) }
    }

    /// Holds later requests back while the server says the quota is spent.
    private func noteQuota(_ response: TransportResponse) {
        guard response.header("X-RateLimit-Remaining") == "0",
            let reset = response.header("X-RateLimit-Reset").flatMap(Double.init)
        else { return }
        let wait = reset - configuration.clock.now().timeIntervalSince1970
        if wait > 0 { limiter.block(for: min(wait, configuration.retry.maxRateLimitWait)) }
    }

    private func makeRequest(_ call: APICall) -> TransportRequest {
        var url = configuration.baseURL + call.path
        if !call.query.isEmpty { url += "?" + call.query.encoded }
        var headers = [HTTPHeader("Accept", "application/json")]
        if let token = configuration.token {
            headers.append(HTTPHeader("Authorization", "Bearer \(token)"))
        }
        var body: Data?
        if let json = call.body {
            headers.append(HTTPHeader("Content-Type", "application/json"))
            body = json.serialized()
        }
        headers += call.headers
        return TransportRequest(
            method: call.method, url: url, headers: headers, body: body,
            timeout: configuration.timeout)
    }
}
