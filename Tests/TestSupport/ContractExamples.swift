import Foundation

/// The vendor's contract files in `../shared/inbox-api/` next to the repository (or under
/// `INBOX_API_CONTRACT`): example bodies and OpenAPI documents.
public enum ContractExamples {
    /// The contract directory.
    public static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["INBOX_API_CONTRACT"] {
            return URL(fileURLWithPath: override)
        }
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared")
            .appendingPathComponent("inbox-api")
    }

    /// The bytes of `examples/<name>`, such as `v2-thread.json`.
    public static func data(_ name: String) throws -> Data {
        try Data(
            contentsOf: directory.appendingPathComponent("examples")
                .appendingPathComponent(name))
    }
}
