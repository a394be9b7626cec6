import Foundation

/// Runs the built `inbox-lua` (next to the test bundle, in the same build folder) as a
/// subprocess in a scratch folder, with a clean environment: no token, no LUA_INIT, and a
/// data folder of its own so the default emulator never touches the real one.
struct InboxLuaProcess {
    /// What a run left behind.
    struct Outcome: CustomStringConvertible {
        var status: Int32
        var signalled: Bool
        var stdout: String
        var stderr: String

        var description: String {
            "status \(status)\(signalled ? " (signal)" : "")\n"
                + "--- stdout\n\(stdout)--- stderr\n\(stderr)"
        }
    }

    /// The scratch folder the process runs in (its working directory).
    let folder: URL
    /// Extra environment variables.
    var environment: [String: String] = [:]

    /// A fresh scratch folder.
    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("inbox-lua-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The executable: `INBOX_LUA_BINARY`, else `inbox-lua` beside the running test binary.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["INBOX_LUA_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("inbox-lua")
    }

    /// Writes `text` to `name` in the scratch folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Reads a file of the scratch folder.
    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }

    /// Runs `inbox-lua arguments...` with `input` on stdin and waits for it.
    func run(_ arguments: [String], input: String = "") throws -> Outcome {
        try start(arguments, input: input).wait()
    }

    /// Starts `inbox-lua arguments...`; ``Running/wait()`` collects the outcome.
    func start(_ arguments: [String], input: String = "") throws -> Running {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var variables = ["PATH": "/usr/bin:/bin", "HOME": folder.path]
        variables["XDG_DATA_HOME"] = folder.appendingPathComponent("data").path
        variables.merge(environment) { $1 }
        process.environment = variables
        let output = Pipe()
        let errors = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = inputPipe
        try process.run()
        inputPipe.fileHandleForWriting.write(Data(input.utf8))
        try inputPipe.fileHandleForWriting.close()
        return Running(process: process, output: output, errors: errors)
    }

    /// A started process.
    struct Running {
        let process: Process
        let output: Pipe
        let errors: Pipe

        /// Sends a signal.
        func signal(_ number: Int32) {
            kill(process.processIdentifier, number)
        }

        /// Reads stdout until `text` has appeared (the script is then surely running);
        /// returns what was read, which ``wait()`` no longer sees.
        func read(until text: String) -> String {
            var seen = Data()
            while !String(decoding: seen, as: UTF8.self).contains(text) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += chunk
            }
            return String(decoding: seen, as: UTF8.self)
        }

        /// Reads both streams to their end and waits for the exit.
        func wait() -> Outcome {
            let group = DispatchGroup()
            nonisolated(unsafe) var stderrData = Data()
            group.enter()
            DispatchQueue.global().async {
                stderrData = errors.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
            let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            return Outcome(
                status: process.terminationStatus,
                signalled: process.terminationReason == .uncaughtSignal,
                stdout: String(decoding: stdoutData, as: UTF8.self),
                stderr: String(decoding: stderrData, as: UTF8.self))
        }
    }
}
