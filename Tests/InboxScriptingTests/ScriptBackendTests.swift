import Foundation
import Testing

@testable import InboxScripting

@Suite struct ScriptBackendTests {
    @Test func theEmulatorFileAndItsFolderAreCreatedOnFirstUseOnly() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("scripting-\(UUID().uuidString)/inbox-lua").path
        defer { try? FileManager.default.removeItem(atPath: folder + "/..") }
        let backend = ScriptBackend.emulator(path: folder + "/team.sqlite")
        #expect(backend.description == "the local emulator (\(folder)/team.sqlite)")
        #expect(backend.isEmulator)
        let host = try ScriptHost(options: ScriptHostOptions(backend: backend))
        try host.run(source: "local x = 1")
        #expect(FileManager.default.fileExists(atPath: folder) == false)
        #expect(try host.run(source: "return inbox.team().name") == ["Acme Corp"])
        #expect(FileManager.default.fileExists(atPath: folder + "/team.sqlite"))
    }

    @Test func aWrapperBackendCanAddWorkToOpening() throws {
        let inner = ScriptBackend.emulator(path: ":memory:", version: .v1)
        let wrapper = ScriptBackend(description: "wrapped", isEmulator: true) {
            try inner.openInbox()
        }
        let host = try ScriptHost(options: ScriptHostOptions(backend: wrapper))
        #expect(try host.openInbox().version == .v1)
    }
}
