import Foundation
import InboxClient
import InboxEmulator
import TestSupport
import Testing

/// `inbox-lua emulator ...`, run as a user would.
@Suite("inbox-lua emulator subcommands")
struct EmulatorCommandTests {
    @Test("export, reset and import replay a changed team")
    func exportResetImport() throws {
        let path = EmulatorStoreTests.temporaryPath("cli.sqlite")
        let thread = EmulatorStoreTests.archiveFirstThread(try EmulatorHarness(path: path))

        let exported = try InboxLuaBinary.run(["emulator", "export", "--emulator", path])
        let reset = try InboxLuaBinary.run(["emulator", "reset", "--emulator", path])
        let afterReset = try EmulatorHarness(path: path).call("GET", "/api/v2/threads/\(thread)")
        let imported = try InboxLuaBinary.run(
            ["emulator", "import", "-", "--emulator", path], stdin: Data(exported.stdout.utf8))
        let afterImport = try EmulatorHarness(path: path).call("GET", "/api/v2/threads/\(thread)")

        #expect(exported.status == 0)
        #expect(exported.stdout.hasPrefix(#"{"format":"inbox-lua-emulator","schemaVersion":1"#))
        #expect(reset.status == 0)
        #expect(reset.stderr == "inbox-lua: the emulator at \(path) holds the demo team again\n")
        #expect(afterReset.json?["archived"] == .bool(false))
        #expect(imported.status == 0)
        #expect(afterImport.json?["archived"] == .bool(true))
    }

    @Test("bad command lines exit 64 with the usage")
    func usage() throws {
        let noToken = try InboxLuaBinary.run(["emulator", "serve", "--port", "0"])
        let badPort = try InboxLuaBinary.run(["emulator", "serve", "--port", "70000"])
        let unknown = try InboxLuaBinary.run(["emulator", "frobnicate"])

        #expect(noToken.status == 64)
        #expect(noToken.stderr.hasPrefix("inbox-lua emulator: serve needs --token T\nusage:"))
        #expect(badPort.status == 64)
        #expect(badPort.stderr.hasPrefix("inbox-lua emulator: --port takes 0 to 65535"))
        #expect(unknown.status == 64)
    }

    @Test("import refuses a file that is not an export, with status 1")
    func badImport() throws {
        let path = EmulatorStoreTests.temporaryPath("cli-bad.sqlite")
        let result = try InboxLuaBinary.run(
            ["emulator", "import", "-", "--emulator", path], stdin: Data("{}".utf8))

        #expect(result.status == 1)
        #expect(
            result.stderr
                == "inbox-lua emulator import: Cannot import the team: "
                + "not an inbox-lua emulator export of this version\n")
    }

    @Test("serve answers on the port it reports and stops on SIGTERM")
    func serve() async throws {
        let path = EmulatorStoreTests.temporaryPath("cli-serve.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: InboxLuaBinary.path)
        process.arguments = [
            "emulator", "serve", "--port", "0", "--token", "t0k", "--emulator", path,
        ]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        var banner = ""
        while !banner.contains("\n") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            banner += String(decoding: chunk, as: UTF8.self)
        }
        let url = try #require(
            banner.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") })

        let reply = try await fetch(url + "/api/v2/team", headers: ["Authorization": "Bearer t0k"])
        process.terminate()
        process.waitUntilExit()

        #expect(reply.status == 200)
        #expect(!banner.contains("t0k"))
        #expect(process.terminationStatus == 0)
    }

    @Test("receive stores a reply from the person and prints its id")
    func receive() throws {
        let path = EmulatorStoreTests.temporaryPath("cli-receive.sqlite")
        let harness = try EmulatorHarness(path: path)
        let thread = try #require(
            harness.call("GET", "/api/v2/threads", query: "limit=1").json?["data"]?.arrayValue?
                .first?["id"]?.stringValue)

        let result = try InboxLuaBinary.run(
            ["emulator", "receive", thread, "Is this still open?", "--emulator", path])
        let missing = try InboxLuaBinary.run(
            ["emulator", "receive", "nosuchthread", "Hi", "--emulator", path])

        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let message = try EmulatorHarness(path: path).call("GET", "/api/v2/messages/\(id)").json
        #expect(result.status == 0)
        #expect(message?["content"] == .string("Is this still open?"))
        #expect(message?["direction"] == .string("inbound"))
        #expect(missing.status == 1)
        #expect(
            missing.stderr
                == "inbox-lua emulator receive: Thread with ID 'nosuchthread' not found\n")
    }
}
