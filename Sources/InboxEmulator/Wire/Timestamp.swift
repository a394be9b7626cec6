import Foundation
import InboxClient

/// ISO-8601 timestamps as the API writes them: UTC with milliseconds,
/// `2025-11-10T18:03:16.000Z`.
enum Timestamp {
    /// The wire text for Unix milliseconds.
    static func format(_ milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds.floorDivided(by: 1000))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int(milliseconds - Int64(seconds) * 1000)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900,
            Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
            Int(parts.tm_sec), millis)
    }

    /// The wire text, or `null`.
    static func json(_ milliseconds: Int64?) -> JSONValue {
        milliseconds.map { .string(format($0)) } ?? .null
    }

    /// Unix milliseconds for an ISO-8601 text, with or without fractional
    /// seconds; nil when it is not one.
    static func parse(_ text: String) -> Int64? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        guard let date = withFraction.date(from: text) ?? plain.date(from: text) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
