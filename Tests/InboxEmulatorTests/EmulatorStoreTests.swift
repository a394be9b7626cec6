import Foundation
import InboxClient
import InboxEmulator
import TestSupport
import Testing

@Suite("EmulatorStore: the team on disk")
struct EmulatorStoreTests {
    static func temporaryPath(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("inbox-emulator-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    static func archiveFirstThread(_ harness: EmulatorHarness) -> String {
        let id =
            harness.call("GET", "/api/v2/threads", query: "limit=1").json?["data"]?
            .arrayValue?.first?["id"]?.stringValue ?? ""
        _ = harness.call("PATCH", "/api/v2/threads/\(id)", body: #"{"archived": true}"#)
        return id
    }

    @Test("a file keeps the team across reopenings, in WAL mode")
    func persists() throws {
        let path = Self.temporaryPath("team.sqlite")
        let thread = Self.archiveFirstThread(try EmulatorHarness(path: path))

        let reopened = try EmulatorHarness(path: path)

        #expect(reopened.call("GET", "/api/v2/threads/\(thread)").json?["archived"] == .bool(true))
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("reset puts the demo team back and empties the event log")
    func reset() throws {
        let harness = try EmulatorHarness()
        let before = try harness.store.exportTeam()
        let thread = Self.archiveFirstThread(harness)

        try harness.store.reset()

        #expect(harness.call("GET", "/api/v2/threads/\(thread)").json?["archived"] == .bool(false))
        #expect(harness.call("GET", "/api/v2/events").json?["data"] == .array([]))
        #expect(try harness.store.exportTeam() == before)
    }

    @Test("export then import replays the team exactly")
    func exportImport() throws {
        let source = try EmulatorHarness()
        let thread = Self.archiveFirstThread(source)
        let snapshot = try source.store.exportTeam()
        let target = try EmulatorHarness()

        try target.store.importTeam(snapshot)

        #expect(try target.store.exportTeam() == snapshot)
        #expect(target.call("GET", "/api/v2/threads/\(thread)").json?["archived"] == .bool(true))
        #expect(target.call("GET", "/api/v2/events").json?["lastSeq"] == .integer(1))
    }

    @Test("a document that is not an export is refused and changes nothing")
    func badImport() throws {
        let harness = try EmulatorHarness()
        let before = try harness.store.exportTeam()
        let text =
            #"{"format": "inbox-lua-emulator", "schemaVersion": 1, "#
            + #""tables": {"threads": [{"id": "x", "oops": 1}]}}"#
        let foreign = Array(text.utf8)

        #expect(throws: EmulatorFailure.self) { try harness.store.importTeam(Array("[]".utf8)) }
        #expect(throws: EmulatorFailure.self) { try harness.store.importTeam(foreign) }
        #expect(try harness.store.exportTeam() == before)
    }

    @Test("kill -9 in the middle of a write loop loses no acknowledged write")
    func durability() throws {
        let path = Self.temporaryPath("durable.sqlite")
        let binary = URL(fileURLWithPath: InboxLuaBinary.path)
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "build the inbox-lua product first (swift build)")
        _ = try EmulatorStore(path: path)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["emulator", "stress-writes", "--emulator", path, "--count", "100000"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        var text = ""
        while text.components(separatedBy: "\n").count < 80 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        let acknowledged = text.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ")
            return parts.count == 3 && parts[0] == "ack" ? String(parts[2]) : nil
        }
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(acknowledged.count >= 79)
        let reopened = try EmulatorHarness(path: path)
        for id in acknowledged {
            #expect(reopened.call("GET", "/api/v2/messages/\(id)").status == 200)
        }
        let events = reopened.call("GET", "/api/v2/events", query: "type=message.sent&limit=1000")
        #expect((events.json?["data"]?.arrayValue?.count ?? 0) >= acknowledged.count)
    }
}
