import InboxClient

extension JSONValue {
    /// A number as the vendor's JavaScript service writes it: a whole value
    /// has no fraction (`1500`, not `1500.0`), so clients decode it as an
    /// integer, exactly as they would from the live API.
    static func number(_ value: Double) -> JSONValue {
        let safeInteger = 9_007_199_254_740_991.0  // 2^53 - 1, JavaScript's MAX_SAFE_INTEGER
        if value.rounded() == value, abs(value) <= safeInteger {
            return .integer(Int64(value))
        }
        return .double(value)
    }
}
