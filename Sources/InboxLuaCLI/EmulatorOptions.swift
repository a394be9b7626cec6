import FoundationEssentials
import InboxEmulator

#if canImport(Glibc)
    import Glibc
#endif

/// The options of `inbox-lua emulator ...`, validated before any work starts.
struct EmulatorOptions {
    var emulatorPath: String?
    var port: UInt16?
    var token: String?
    var output: String?
    var rateLimit = false
    var count = 1000
    var positional: [String] = []

    /// A command line the subcommands cannot accept (exit status 64).
    struct UsageFailure: Swift.Error, CustomStringConvertible {
        let description: String
    }

    /// A file or store the subcommand cannot use (exit status 1), already
    /// worded for the user: printed after `inbox-lua: `.
    struct FileFailure: Swift.Error, CustomStringConvertible {
        let description: String
    }

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        func value(_ option: String) throws -> String {
            guard let next = remaining.popFirst() else {
                throw UsageFailure(description: "\(option) needs a value")
            }
            return next
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--emulator": emulatorPath = try value(argument)
            case "--token": token = try value(argument)
            case "--output": output = try value(argument)
            case "--rate-limit": rateLimit = true
            case "--port":
                let text = try value(argument)
                guard let number = UInt16(text) else {
                    throw UsageFailure(description: "--port takes 0 to 65535, not '\(text)'")
                }
                port = number
            case "--count":
                let text = try value(argument)
                guard let number = Int(text), number > 0 else {
                    throw UsageFailure(description: "--count takes a positive integer")
                }
                count = number
            case _ where argument.hasPrefix("--"):
                throw UsageFailure(description: "unknown option \(argument)")
            default: positional.append(argument)
            }
        }
    }

    /// Fails with `message` unless exactly `count` arguments came besides the options.
    func expectPositional(_ count: Int, _ message: String) throws(UsageFailure) {
        guard positional.count == count else { throw UsageFailure(description: message) }
    }

    /// The store at `--emulator PATH` (its folder must exist), or the default file.
    /// A store that cannot be opened names its path, with SQLite's reason.
    func openStore() throws -> EmulatorStore {
        let path = try emulatorPath ?? EmulatorStore.defaultPath()
        try EmulatorFolder.require(for: path)
        do {
            return try EmulatorStore(path: path)
        } catch let failure as SQLiteFailure {
            throw FileFailure(
                description: "cannot open the emulator at \(path): \(failure.message)")
        }
    }

    /// The whole of the file at `path`, or a failure worded like `cat`'s.
    static func read(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw posixFailure("read", path) }
        defer { close(descriptor) }
        var contents = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress, $0.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw posixFailure("read", path)
            }
            if count == 0 { return contents }
            contents.append(contentsOf: buffer[..<count])
        }
    }

    /// Replaces the file at `path` with `contents`, or fails naming the path.
    static func write(_ contents: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw posixFailure("write", path) }
        defer { close(descriptor) }
        var written = 0
        while written < contents.count {
            let count = contents.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw posixFailure("write", path)
            }
            written += count
        }
    }

    private static func posixFailure(_ verb: String, _ path: String) -> FileFailure {
        FileFailure(description: "cannot \(verb) \(path): \(String(cString: strerror(errno)))")
    }
}
