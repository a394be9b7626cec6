import FoundationEssentials
import InboxClient

#if canImport(Glibc)
    import Glibc
#endif

/// ISO-8601 timestamps as the API writes them: UTC with milliseconds,
/// `2025-11-10T18:03:16.000Z`.
enum Timestamp {
    /// The wire text for Unix milliseconds.
    static func format(_ milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds.floorDivided(by: 1000))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int(milliseconds - Int64(seconds) * 1000)
        let date = [Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday)]
        let time = [Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec)]
        return date.map { padded($0, 2) }.joined(separator: "-") + "T"
            + time.map { padded($0, 2) }.joined(separator: ":") + "." + padded(millis, 3) + "Z"
    }

    /// `value` in decimal, with leading zeros up to `width` digits.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The wire text, or `null`.
    static func json(_ milliseconds: Int64?) -> JSONValue {
        milliseconds.map { .string(format($0)) } ?? .null
    }

    /// Unix milliseconds for an ISO-8601 text, with or without fractional
    /// seconds; nil when it is not one.
    static func parse(_ text: String) -> Int64? {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        guard
            let date = (try? Date(text, strategy: withFraction))
                ?? (try? Date(text, strategy: .iso8601))
        else { return nil }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
