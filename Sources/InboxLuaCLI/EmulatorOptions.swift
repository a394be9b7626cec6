import InboxEmulator

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

    /// The store at `--emulator PATH`, or the default file.
    func openStore() throws -> EmulatorStore {
        try EmulatorStore(path: emulatorPath ?? EmulatorStore.defaultPath())
    }
}
