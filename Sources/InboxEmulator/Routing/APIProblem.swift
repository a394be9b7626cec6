import InboxClient

/// A request the emulator refuses, in terms both API versions can render:
/// v2 as `{code, message, details, requestId}`, v1 as
/// `{error: {code, message, status}}`.
struct APIProblem: Swift.Error {
    /// The HTTP status.
    var status: Int
    /// The v2 error code, such as `threadNotFound`.
    var code: String
    /// The v1 error code, such as `THREAD_NOT_FOUND`.
    var legacyCode: String
    /// A human-readable explanation (never containing the token).
    var message: String
    /// The v2 `details` object, `null` when the code has none.
    var details: JSONValue = .null
    /// Extra headers, such as `Retry-After`.
    var headers: [(name: String, value: String)] = []
}

/// One thing wrong with a request: where (a JSON path) and what.
struct ValidationIssue {
    var path: [String]
    var message: String
}

// MARK: - The documented problems

extension APIProblem {
    static func invalid(_ issues: [ValidationIssue]) -> APIProblem {
        let summary = issues.map {
            ($0.path.isEmpty ? "" : $0.path.joined(separator: ".") + ": ") + $0.message
        }
        let list = JSONValue.array(
            issues.map { issue in
                .object([
                    (
                        "path",
                        .array(issue.path.map { Int64($0).map(JSONValue.int) ?? .string($0) })
                    ),
                    ("message", .string(issue.message)),
                ])
            })
        return APIProblem(
            status: 400, code: "invalidRequest", legacyCode: "BAD_REQUEST",
            message: "Invalid request: " + summary.joined(separator: "; "),
            details: .object([("issues", list)]))
    }

    static func invalid(_ path: [String], _ message: String) -> APIProblem {
        invalid([ValidationIssue(path: path, message: message)])
    }

    static let malformedJSON = APIProblem.invalid([], "The body is not valid JSON")

    static func tooLarge(limit: Int) -> APIProblem {
        var problem = invalid([], "The body is larger than \(limit) bytes")
        problem.status = 413
        problem.legacyCode = "PAYLOAD_TOO_LARGE"
        return problem
    }

    static let unauthorized = APIProblem(
        status: 401, code: "unauthorized", legacyCode: "UNAUTHORIZED",
        message: "Missing or invalid API token")

    static let invalidCursor = APIProblem(
        status: 400, code: "invalidCursor", legacyCode: "BAD_REQUEST",
        message: "The cursor is not one this endpoint issued")

    static func notFound(_ kind: ResourceKind, _ id: String) -> APIProblem {
        APIProblem(
            status: 404, code: kind.rawValue + "NotFound",
            legacyCode: kind.legacyName + "_NOT_FOUND",
            message: "\(kind.title) with ID '\(id)' not found")
    }

    static func unknownRoute(_ method: String, _ path: String) -> APIProblem {
        APIProblem(
            status: 404, code: "notFound", legacyCode: "NOT_FOUND",
            message: "No route for \(method) \(path)")
    }

    static func methodNotAllowed(_ method: String, _ path: String) -> APIProblem {
        APIProblem(
            status: 405, code: "methodNotAllowed", legacyCode: "METHOD_NOT_ALLOWED",
            message: "\(method) is not allowed on \(path)")
    }

    static func nameTaken(_ name: String) -> APIProblem {
        APIProblem(
            status: 409, code: "nameTaken", legacyCode: "CONFLICT",
            message: "The name '\(name)' is already taken",
            details: .object([("name", .string(name))]))
    }

    static let idempotencyKeyReused = APIProblem(
        status: 422, code: "idempotencyKeyReused", legacyCode: "UNPROCESSABLE_ENTITY",
        message: "This Idempotency-Key was used with a different request")

    static func contentRejected(_ detail: String) -> APIProblem {
        APIProblem(
            status: 422, code: "contentRejected", legacyCode: "UNPROCESSABLE_ENTITY",
            message: "The platform rejected the content: \(detail)",
            details: .object([("detail", .string(detail))]))
    }

    static func platformNotSupported(_ platform: String) -> APIProblem {
        APIProblem(
            status: 422, code: "platformNotSupported", legacyCode: "UNPROCESSABLE_ENTITY",
            message: "The platform '\(platform)' is not supported here",
            details: .object([
                ("platform", .string(platform)), ("supported", .array([.string("twitter")])),
            ]))
    }

    static let internalFailure = APIProblem(
        status: 500, code: "internal", legacyCode: "INTERNAL_SERVER_ERROR",
        message: "Internal error")
}

/// The resources a 404 can name.
enum ResourceKind: String {
    case member, accountLink, contact, tag, thread, message, status
    case prospect

    var title: String {
        switch self {
        case .accountLink: "Account link"
        default: rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }

    var legacyName: String {
        switch self {
        case .accountLink: "ACCOUNT_LINK"
        default: rawValue.uppercased()
        }
    }
}

extension APIProblem {
    /// v2: the account link lacks a capability. v1: the thread is not an X
    /// Chat thread, which edits, deletions and reactions need.
    static func capabilityNotSupported(_ capability: String) -> APIProblem {
        APIProblem(
            status: 422, code: "capabilityNotSupported", legacyCode: "UNPROCESSABLE_ENTITY",
            message: "The account link can't do \(capability) (the emulator keeps no encrypted "
                + "X Chat threads)",
            details: .object([("capability", .string(capability))]))
    }
}
