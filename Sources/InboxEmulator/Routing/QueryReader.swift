import InboxClient

/// Reads query parameters the way each API version encodes them, collecting
/// problems for one `invalidRequest`.
///
/// v1 accepts arrays as repeated keys, `key[]=` or `key[0]=`, and objects as
/// nested brackets; v2 accepts repeated keys only and rejects brackets.
struct QueryReader {
    private let pairs: [(name: String, value: String)]
    private let version: APIVersion
    private(set) var issues: [ValidationIssue] = []

    init(_ pairs: [(name: String, value: String)], version: APIVersion) {
        self.pairs = pairs
        self.version = version
        if version == .v2 {
            for pair in pairs where pair.name.contains("[") {
                issues.append(
                    ValidationIssue(
                        path: [pair.name], message: "Brackets are not accepted; repeat the key"))
            }
        }
    }

    /// Every value given for an array parameter.
    func strings(_ name: String) -> [String] {
        pairs.filter { pair in
            if pair.name == name { return true }
            guard version == .v1, pair.name.hasPrefix(name + "["), pair.name.hasSuffix("]") else {
                return false
            }
            let inside = pair.name.dropFirst(name.count + 1).dropLast()
            return inside.allSatisfy(\.isNumber)
        }.map(\.value)
    }

    /// The single value of a parameter, when given.
    func string(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Array values that must each be Inbox ids.
    mutating func ids(_ name: String) -> [String] {
        let values = strings(name)
        for value in values where !InboxId.isValid(value) {
            issues.append(ValidationIssue(path: [name], message: "Expected an Inbox id"))
        }
        return values
    }

    /// An integer within `range`, or `fallback` when absent.
    mutating func int(_ name: String, in range: ClosedRange<Int>, default fallback: Int) -> Int {
        guard let text = string(name) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            issues.append(
                ValidationIssue(
                    path: [name],
                    message: "Expected an integer from \(range.lowerBound) to \(range.upperBound)"))
            return fallback
        }
        return number
    }

    /// An optional integer of at least `minimum`.
    mutating func int(_ name: String, atLeast minimum: Int64) -> Int64? {
        guard let text = string(name) else { return nil }
        guard let number = Int64(text), number >= minimum else {
            issues.append(
                ValidationIssue(path: [name], message: "Expected an integer >= \(minimum)"))
            return nil
        }
        return number
    }

    /// `true` or `false`.
    mutating func bool(_ name: String) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            issues.append(ValidationIssue(path: [name], message: "Expected true or false"))
            return nil
        }
    }

    /// One of `allowed`, or `fallback` when absent.
    mutating func choice(_ name: String, _ allowed: [String], default fallback: String) -> String {
        guard let text = string(name) else { return fallback }
        guard allowed.contains(text) else {
            issues.append(
                ValidationIssue(
                    path: [name], message: "Expected one of " + allowed.joined(separator: ", ")))
            return fallback
        }
        return text
    }

    /// A required parameter.
    mutating func required(_ name: String) -> String {
        guard let text = string(name), !text.isEmpty else {
            issues.append(ValidationIssue(path: [name], message: "Required"))
            return ""
        }
        return text
    }

    /// Throws `invalidRequest` when anything was wrong.
    func finish() throws {
        guard issues.isEmpty else { throw APIProblem.invalid(issues) }
    }
}
