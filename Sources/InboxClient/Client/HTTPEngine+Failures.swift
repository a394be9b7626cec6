import FoundationEssentials

extension HTTPEngine {
    func cancelled(_ call: APICall) -> InboxError {
        InboxError(
            .cancelled, operation: call.operation, message: cancellation.reason,
            method: call.method, path: call.path)
    }

    func transportFailure(_ call: APICall, _ error: TransportError) -> InboxError {
        var failure = InboxError(
            .transport(error.kind), operation: call.operation,
            message: redact(error.description), method: call.method, path: call.path)
        guard error.requestMayHaveBeenSent, !call.safety.repeatable else { return failure }
        if call.safety == .unsafeSend {
            failure.kind = .mayHaveBeenDelivered
            failure.message += "; the message may have been delivered, so it was not retried"
        } else {
            failure.message += "; the change may have been applied, so it was not retried"
        }
        return failure
    }

    /// An error from a non-2xx response, reading the v1 `{error:{code,message,status}}` or
    /// v2 `{code,message,details,requestId}` body when there is one.
    func apiFailure(_ call: APICall, _ response: TransportResponse) -> InboxError {
        var failure = InboxError(
            .api, operation: call.operation,
            message: "HTTP \(response.status)", method: call.method, path: call.path,
            status: response.status)
        failure.bodyExcerpt = excerpt(response.body)
        failure.requestId = response.header("X-Request-Id")
        if let body = try? JSONValue.parse(response.body), case .object(let object) = body {
            let inner = object["error"]?.objectValue
            if let inner {
                failure.code = inner["code"]?.stringValue
                failure.message = inner["message"]?.stringValue ?? failure.message
            } else {
                failure.code =
                    object["code"]?.stringValue
                    ?? object["error"]?.stringValue
                failure.message = object["message"]?.stringValue ?? failure.message
                failure.details = object["details"].flatMap { $0.isNull ? nil : $0 }
                failure.requestId = object["requestId"]?.stringValue ?? failure.requestId
            }
            failure.message = redact(failure.message)
        } else if !response.body.isEmpty {
            failure.message = "HTTP \(response.status) with a body that is not JSON"
        }
        failure.retryAfter = retryAfter(response, details: failure.details)
        return failure
    }

    /// Seconds to wait as the response advises: `Retry-After` (seconds or an HTTP date),
    /// `X-RateLimit-Reset` (Unix seconds), or the v2 details.
    func retryAfter(_ response: TransportResponse, details: JSONValue?) -> Double? {
        let now = configuration.clock.now()
        if let header = response.header("Retry-After").map(HTTPHeader.trimmed) {
            if let seconds = Double(header) { return max(0, seconds) }
            if let date = httpDate(header) { return max(0, date.timeIntervalSince(now)) }
        }
        if let reset = response.header("X-RateLimit-Reset").flatMap(Double.init) {
            return max(0, reset - now.timeIntervalSince1970)
        }
        if let seconds = details?["retryAfterSeconds"]?.doubleValue { return max(0, seconds) }
        if let resetAt = details?["resetAt"]?.stringValue,
            let date = isoDate(resetAt)
        {
            return max(0, date.timeIntervalSince(now))
        }
        return nil
    }

    /// Reads an ISO 8601 timestamp such as `2026-01-01T10:32:00.000Z`.
    private func isoDate(_ text: String) -> Date? {
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? Date(text, strategy: fractional) { return date }
        return try? Date(text, strategy: .iso8601)
    }

    /// Reads an IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110), the only
    /// form a server may send; the names are English whatever the locale.
    private func httpDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        let months = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec",
        ]
        guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT",
            let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
            let year = Int(parts[3])
        else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        let components = DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "GMT"),
            year: year, month: monthIndex + 1, day: day, hour: time[0], minute: time[1],
            second: time[2])
        return components.date
    }

    /// The start of a body as text, at most 200 characters, with the token blanked out.
    func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(600), as: UTF8.self)
        let short = text.count > 200 ? String(text.prefix(200)) + "…" : text
        return redact(short)
    }

    /// Replaces the token wherever a server echoed it; see ``redact(_:token:)``.
    func redact(_ text: String) -> String {
        Self.redact(text, token: configuration.token)
    }

    /// The shortest token that is searched for in text from the server.
    ///
    /// A shorter token matches by chance (the token `t` is in `data`), and replacing those
    /// chance matches both mangles the text and shows the token: `da<token>a` gives `t`
    /// away. Real Inbox tokens are far longer; at 8 characters a chance match in a short
    /// error body is already unlikely. Short tokens are never searched for, and no error
    /// ever includes the `Authorization` header, so a short token only appears when the
    /// server itself echoes it.
    static let shortestRedactedToken = 8

    /// `text` with every occurrence of `token` replaced by `<token>`, when the token is
    /// long enough that an occurrence is the token rather than chance.
    static func redact(_ text: String, token: String?) -> String {
        guard let token, token.count >= shortestRedactedToken, text.contains(token) else {
            return text
        }
        return text.replacing(token, with: "<token>")
    }
}
