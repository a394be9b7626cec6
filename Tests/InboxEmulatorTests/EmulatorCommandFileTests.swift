import Foundation
import TestSupport
import Testing

/// `inbox-lua emulator ...` with files and stores it cannot use, and `--help`.
@Suite("inbox-lua emulator file errors and help")
struct EmulatorCommandFileTests {
    @Test("import names a missing file with the system's reason, exit 1")
    func importMissing() throws {
        let path = EmulatorStoreTests.temporaryPath("cli-missing.sqlite")
        let missing = path + ".absent.json"
        let result = try InboxLuaBinary.run(["emulator", "import", missing, "--emulator", path])

        #expect(result.status == 1)
        #expect(result.stderr == "inbox-lua: cannot read \(missing): No such file or directory\n")
    }

    @Test("import reads an empty file and refuses it as not an export")
    func importEmpty() throws {
        let path = EmulatorStoreTests.temporaryPath("cli-empty.sqlite")
        let result = try InboxLuaBinary.run(["emulator", "import", "/dev/null", "--emulator", path])

        #expect(result.status == 1)
        #expect(
            result.stderr
                == "inbox-lua emulator import: Cannot import the team: "
                + "not an inbox-lua emulator export of this version\n")
    }

    @Test("export into a missing folder names the file, exit 1")
    func exportMissingFolder() throws {
        let path = EmulatorStoreTests.temporaryPath("cli-export.sqlite")
        let output = path + ".absent/x.json"
        let result = try InboxLuaBinary.run(
            ["emulator", "export", "--emulator", path, "--output", output])

        #expect(result.status == 1)
        #expect(result.stderr == "inbox-lua: cannot write \(output): No such file or directory\n")
    }

    @Test("a store that cannot be opened is named with SQLite's reason")
    func unusableStore() throws {
        let text = EmulatorStoreTests.temporaryPath("not-a-database.txt")
        try Data(String(repeating: "root:x:0:0:root:/root:/bin/sh\n", count: 10).utf8)
            .write(to: URL(fileURLWithPath: text))
        let notDatabase = try InboxLuaBinary.run(["emulator", "reset", "--emulator", text])
        let inMissingFolder = text + ".absent/x.sqlite"
        let unopenable = try InboxLuaBinary.run([
            "emulator", "reset", "--emulator", inMissingFolder,
        ])

        #expect(notDatabase.status == 1)
        #expect(
            notDatabase.stderr
                == "inbox-lua: cannot open the emulator at \(text): file is not a database\n")
        #expect(unopenable.status == 1)
        #expect(
            unopenable.stderr
                == "inbox-lua: cannot open the emulator at \(inMissingFolder): "
                + "no such folder \(text).absent\n")
    }

    @Test("--help prints the usage with every subcommand and option on stdout")
    func help() throws {
        let result = try InboxLuaBinary.run(["emulator", "--help"])

        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("usage: inbox-lua emulator reset  [--emulator PATH]\n"))
        for word in [
            "reset", "serve", "export", "import", "receive", "--emulator PATH", "--port N",
            "--token T", "--rate-limit", "--output FILE",
        ] {
            #expect(result.stdout.contains(word), "missing \(word)")
        }
    }
}
