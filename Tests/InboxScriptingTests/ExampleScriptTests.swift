import Foundation
import Testing

/// Every script in `examples/` runs against a fresh in-memory demo team and prints exactly
/// what `examples/expected/<name>.txt` says (the file the README shows).
@Suite struct ExampleScriptTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let names = [
        "select-account", "send-from-account", "account-threads", "thread-exists",
        "find-person-threads", "ids", "triage-no-reply", "answer-vips",
    ]

    @Test func everyExampleIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("examples").path)
        let scripts = files.filter { $0.hasSuffix(".lua") }.map { String($0.dropLast(4)) }
        #expect(scripts.sorted() == Self.names.sorted())
    }

    @Test(arguments: names) func printsWhatTheReadmeShows(_ name: String) throws {
        let fixture = try HostFixture()
        let script = Self.root.appendingPathComponent("examples/\(name).lua").path
        try fixture.host.run(file: script)
        let expectedPath = Self.root.appendingPathComponent("examples/expected/\(name).txt").path
        if ProcessInfo.processInfo.environment["UPDATE_EXAMPLES"] == "1" {
            try fixture.output.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(fixture.output == expected)
    }
}
