import Foundation
import InboxClient
import InboxEmulator

/// Records every exchange the emulator answers during the tests, one JSON
/// line each, to the file named by `INBOX_CONFORMANCE_LOG` (nothing when it
/// is unset). `scripts/validate-conformance.py` then checks every body
/// against the OpenAPI documents.
public enum ConformanceLog {
    private static let path = ProcessInfo.processInfo.environment["INBOX_CONFORMANCE_LOG"]
    private static let lock = NSLock()

    /// The observer to give every router and server the tests create.
    public static let observer: @Sendable (EmulatorExchange) -> Void = { exchange in
        guard let path else { return }
        let record: JSONValue = [
            "apiVersion": .optional(exchange.apiVersion?.rawValue),
            "method": .string(exchange.method),
            "pathTemplate": .optional(exchange.pathTemplate),
            "status": .integer(Int64(exchange.status)),
            "body": .string(String(decoding: exchange.body, as: UTF8.self)),
        ]
        let line = record.jsonText + "\n"
        lock.lock()
        defer { lock.unlock() }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            _ = FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
            return
        }
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        try? handle.close()
    }
}
