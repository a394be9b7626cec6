import Foundation
import Testing

/// `inbox-lua -i < file`: piped input runs line by line, as with `lua5.4 -i` (without
/// `-i`, piped input is a script, as with `lua5.4`). `-i` implies `-v`.
@Suite("The REPL with piped input")
struct REPLPipeTests {
    static let versionLine =
        "inbox-lua 0.1.0 (Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio)\n"

    private func run(input: String, home: URL? = nil) throws -> (
        output: String, errors: String, status: Int32
    ) {
        let directory = try home ?? TerminalDriver.temporaryDirectory()
        let inputFile = directory.appendingPathComponent("input.lua")
        try Data(input.utf8).write(to: inputFile)
        let process = Process()
        process.executableURL = TerminalDriver.binary
        process.arguments = ["-i"]
        // A clean environment, but for the sanitizer's settings under
        // scripts/test, so that the binary's own reports follow the same rules.
        let sanitizer = ProcessInfo.processInfo.environment.filter {
            $0.key == "ASAN_OPTIONS" || $0.key == "LSAN_OPTIONS"
        }
        process.environment = sanitizer.merging(["HOME": directory.path, "TERM": "xterm"]) {
            $1
        }
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self),
            process.terminationStatus
        )
    }

    @Test("prompts, the lines read and the results, with no escape sequences")
    func transcript() throws {
        let result = try run(
            input: """
                x = 1
                x + 1
                local t = {1, 2}
                t
                for i = 1, 2 do
                print(i)
                end
                error('boom')
                "last line without newline"
                """)
        #expect(
            result.output == Self.versionLine + """
                > x = 1
                > x + 1
                2
                > local t = {1, 2}
                > t
                {1, 2}
                > for i = 1, 2 do
                >> print(i)
                >> end
                1
                2
                > error('boom')
                > "last line without newline"
                "last line without newline"
                > \n
                """)
        #expect(
            result.errors == """
                stdin:1: boom
                stack traceback:
                \t[C]: in function 'error'
                \tstdin:1: in main chunk

                """)
        #expect(!result.output.utf8.contains(0x1B))
        #expect(result.status == 0)
    }

    @Test("output a chunk leaves in C's buffer comes before the results")
    func bufferedWrites() throws {
        let result = try run(input: "io.write('partial') return 1\n")
        #expect(
            result.output
                == Self.versionLine + "> io.write('partial') return 1\npartial1\n> \n")
    }

    @Test("no history is written when the input is not a terminal")
    func noHistory() throws {
        let home = try TerminalDriver.temporaryDirectory()
        let result = try run(input: "1\n", home: home)
        #expect(result.output == Self.versionLine + "> 1\n1\n> \n")
        let history = home.appendingPathComponent(".local/share/inbox-lua/history")
        #expect(!FileManager.default.fileExists(atPath: history.path))
    }
}
