import FoundationEssentials

/// Where and how a client talks to the Inbox API.
///
/// `description` never shows the token.
public struct InboxConfiguration: Sendable, CustomStringConvertible {
    /// The wire version; v2 unless configured otherwise.
    public var version: APIVersion
    /// The base URL without a trailing slash, such as `https://inboxapp.com/api/v2`.
    public var baseURL: String
    /// The bearer token, sent as `Authorization: Bearer <token>`; nil sends none.
    public var token: String?
    /// Seconds one HTTP attempt may take.
    public var timeout: Double
    /// Retry and rate-limit waiting.
    public var retry: RetryPolicy
    /// The client-side limiter's windows (the team quota by default; empty disables it).
    public var rateLimits: [RateLimitWindow]
    /// Time and sleeping; tests replace it.
    public var clock: InboxClock

    /// The vendor's base URL for a version.
    public static func defaultBaseURL(for version: APIVersion) -> String {
        "https://inboxapp.com/api/\(version.rawValue)"
    }

    /// A configuration; `baseURL` defaults to the vendor's URL for `version`.
    public init(
        version: APIVersion = .v2, baseURL: String? = nil, token: String? = nil,
        timeout: Double = 60, retry: RetryPolicy = RetryPolicy(),
        rateLimits: [RateLimitWindow] = RateLimitWindow.teamQuota, clock: InboxClock = .system
    ) {
        self.version = version
        var base = baseURL ?? Self.defaultBaseURL(for: version)
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        self.timeout = timeout
        self.retry = retry
        self.rateLimits = rateLimits
        self.clock = clock
    }

    /// Reads `INBOX_API_TOKEN`, `INBOX_API_URL` and `INBOX_API_VERSION` (`v1`, `v2`, `1`
    /// or `2`); a `version` passed here wins over the environment. Without either, a URL
    /// ending in `/v1` means v1; otherwise v2.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        version: APIVersion? = nil
    ) throws(InboxError) -> InboxConfiguration {
        var chosen = version ?? .v2
        if version == nil, let text = environment["INBOX_API_VERSION"], !text.isEmpty {
            let normalized = text.lowercased().hasPrefix("v") ? text.lowercased() : "v" + text
            guard let parsed = APIVersion(rawValue: normalized) else {
                throw InboxError(
                    .configuration, operation: "configuration",
                    message: "INBOX_API_VERSION must be v1 or v2, not \"\(text)\"")
            }
            chosen = parsed
        }
        let url = environment["INBOX_API_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let url, URL(string: url)?.scheme == nil {
            throw InboxError(
                .configuration, operation: "configuration",
                message: "INBOX_API_URL is not an absolute URL: \"\(url)\"")
        }
        let versionGiven = version != nil || !(environment["INBOX_API_VERSION"] ?? "").isEmpty
        if !versionGiven, let url, url.trimmingSuffix("/").hasSuffix("/v1") {
            chosen = .v1
        }
        let token = environment["INBOX_API_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return InboxConfiguration(version: chosen, baseURL: url, token: token)
    }

    /// The version and base URL, and whether a token is set (never the token).
    public var description: String {
        "Inbox API \(version.rawValue) at \(baseURL) (token \(token == nil ? "unset" : "set"))"
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: Character) -> Substring {
        var text = self[...]
        while text.last == suffix { text = text.dropLast() }
        return text
    }
}
