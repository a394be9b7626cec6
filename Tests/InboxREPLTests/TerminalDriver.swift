import Foundation

/// Drives the real `inbox-lua` binary inside a tmux pane: a pseudo-terminal whose screen
/// the tests read back as text, escape sequences already interpreted.
final class TerminalDriver {
    /// The home directory the binary sees (its history goes below it).
    let home: URL
    private let socket: String
    private static let counter = Counter()

    /// Starts `inbox-lua arguments` in an 80x24 pane, with `home` as HOME.
    init(arguments: [String] = [], home: URL? = nil) throws {
        self.home = try home ?? Self.temporaryDirectory()
        socket = "inbox-repl-test-\(getpid())-\(Self.counter.next())"
        let command = ["env", "HOME=\(self.home.path)", "LANG=C.UTF-8", Self.binary.path]
        try tmux(["new-session", "-d", "-x", "80", "-y", "24"] + command + arguments)
        try tmux(["set-option", "-t", "0", "remain-on-exit", "on"])
        try waitFor { $0.hasSuffix(">") }
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// The built `inbox-lua`, next to the test bundle.
    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("inbox-lua")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("inbox-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `C-c`, `C-d`, `Up`.
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Types `line` and presses Enter, then waits for the screen to settle on a prompt.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
        try waitFor { $0.hasSuffix(">") || $0.hasSuffix(">>") }
    }

    /// The screen from the first prompt on (the banner above it has a test of its own),
    /// without trailing blank lines or trailing spaces.
    func screen() throws -> String {
        let lines = try wholeScreen().split(separator: "\n", omittingEmptySubsequences: false)
        return lines.drop { !$0.hasPrefix(">") }.joined(separator: "\n")
    }

    /// The whole screen, banner included, without trailing blank lines or spaces.
    func wholeScreen() throws -> String {
        let text = try tmux(["capture-pane", "-p", "-J", "-t", "0"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        return lines.reversed().drop { $0.isEmpty }.reversed().joined(separator: "\n")
    }

    /// The row the cursor is on, from 0.
    func cursorRow() throws -> Int {
        Int(try tmux(["display-message", "-p", "-t", "0", "#{cursor_y}"]).filter(\.isNumber)) ?? -1
    }

    /// Presses Enter and waits until the line is submitted (the cursor leaves it), for
    /// input that runs on without printing a prompt.
    func submit() throws {
        let row = try cursorRow()
        try press("Enter")
        let deadline = Date().addingTimeInterval(5)
        while try cursorRow() == row && Date() < deadline {
            usleep(20_000)
        }
    }

    /// True once the program in the pane has exited.
    func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "0", "#{pane_dead}"]).hasPrefix("1")
    }

    /// Polls the screen until `condition` holds (for at most 5 seconds), then lets it
    /// settle briefly.
    func waitFor(_ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(5)
        var last = ""
        repeat {
            usleep(50_000)
            last = try screen()
            if condition(last) {
                usleep(100_000)
                return
            }
        } while Date() < deadline
        throw DriverFailure(description: "timed out; the screen shows:\n\(last)")
    }

    /// Runs tmux on this driver's server with posix_spawn, returning its output. The
    /// server that `new-session` starts gets /dev/null, not a pipe it would keep open.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        // Tests run in parallel: a tmux server that another test starts while this pipe is
        // open must not inherit its write end, or the read below never ends. So the pipe is
        // close-on-exec, and made and handed to tmux while no other test spawns.
        spawning.lock()
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            spawning.unlock()
            throw DriverFailure(description: "pipe failed")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if arguments.first == "new-session" {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])

        // The test runner's threads block signals; the pane must get Ctrl-C as a user's does.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigaddset(&signals, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        let status = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, cArguments, environ)
        close(fds[1])
        spawning.unlock()
        defer { close(fds[0]) }
        guard status == 0 else { throw DriverFailure(description: "cannot start tmux") }

        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            output.append(contentsOf: buffer[..<count])
        }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        guard exit == 0 else {
            throw DriverFailure(description: "tmux \(arguments.first ?? "") failed")
        }
        return String(decoding: output, as: UTF8.self)
    }

    struct DriverFailure: Swift.Error, CustomStringConvertible {
        let description: String
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

/// Held while a driver makes a pipe and starts tmux with it (see `tmux(_:)`).
private let spawning = NSLock()
