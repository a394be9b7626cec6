extension CommandLineOptions {
    /// Reads `argv` (the program name first). Options end at the first argument that is not
    /// one, at `--`, or at `-`, like `lua5.4`'s; the long options are inbox-lua's own.
    init(parsing argv: [String]) throws(UsageFailure) {
        var index = 1
        while index < argv.count {
            let argument = argv[index]
            guard argument.hasPrefix("-") else {
                script = .file(argument)
                scriptIndex = index
                break
            }
            if argument == "-" {
                script = .standardInput
                scriptIndex = index
                break
            }
            if argument == "--" {
                if index + 1 < argv.count {
                    script = .file(argv[index + 1])
                    scriptIndex = index + 1
                }
                break
            }
            if argument.hasPrefix("--") {
                try readLongOption(argument, argv, &index)
            } else {
                try readShortOption(argument, argv, &index)
            }
            index += 1
        }
        try validate()
    }

    private mutating func readShortOption(
        _ argument: String, _ argv: [String], _ index: inout Int
    ) throws(UsageFailure) {
        let letter = argument.dropFirst().first!
        let rest = String(argument.dropFirst(2))
        switch letter {
        case "e", "l":
            var text = rest
            if text.isEmpty {
                guard index + 1 < argv.count, !argv[index + 1].hasPrefix("-") else {
                    throw UsageFailure(description: "'-\(letter)' needs argument")
                }
                index += 1
                text = argv[index]
            }
            actions.append(letter == "e" ? .execute(text) : Self.library(text))
        case "i", "v", "E", "W":
            guard rest.isEmpty else { throw Self.unrecognized(argument) }
            switch letter {
            case "i":
                interactive = true
                showVersion = true
            case "v": showVersion = true
            case "E": ignoreEnvironment = true
            default: actions.append(.warningsOn)
            }
        default:
            throw Self.unrecognized(argument)
        }
    }

    /// `-l g=mod` stores `require("mod")` in `g`; `-l mod` in `mod`.
    private static func library(_ text: String) -> Action {
        guard let equals = text.firstIndex(of: "=") else {
            return .require(global: text, module: text)
        }
        return .require(
            global: String(text[..<equals]), module: String(text[text.index(after: equals)...]))
    }

    private mutating func readLongOption(
        _ argument: String, _ argv: [String], _ index: inout Int
    ) throws(UsageFailure) {
        var name = argument
        var inlineValue: String?
        if let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            inlineValue = String(argument[argument.index(after: equals)...])
        }
        func value() throws(UsageFailure) -> String {
            if let inlineValue { return inlineValue }
            guard index + 1 < argv.count else {
                throw UsageFailure(description: "'\(name)' needs a value")
            }
            index += 1
            return argv[index]
        }
        func flag() throws(UsageFailure) -> Bool {
            guard inlineValue == nil else {
                throw UsageFailure(description: "'\(name)' takes no value")
            }
            return true
        }

        switch name {
        case "--emulator": emulator = try value()
        case "--api-version": apiVersion = try value()
        case "--plan-json": planJSON = try value()
        case "--timeout": timeout = try Self.duration(try value())
        case "--memory-limit": memoryLimit = try Self.byteCount(try value())
        case "--dry-run": dryRun = try flag()
        case "--sandbox": sandbox = try flag()
        case "--help": help = try flag()
        case "--version": version = try flag()
        default: throw Self.unrecognized(argument)
        }
    }

    private func validate() throws(UsageFailure) {
        if let apiVersion, apiVersion != "v1" && apiVersion != "v2" {
            throw UsageFailure(description: "--api-version takes v1 or v2, not '\(apiVersion)'")
        }
        if let emulator, emulator.isEmpty {
            throw UsageFailure(description: "--emulator takes a file path or :memory:")
        }
        if let planJSON {
            guard dryRun else {
                throw UsageFailure(description: "--plan-json needs --dry-run")
            }
            guard !planJSON.isEmpty else {
                throw UsageFailure(description: "--plan-json takes a file path")
            }
        }
    }

    private static func unrecognized(_ argument: String) -> UsageFailure {
        UsageFailure(description: "unrecognized option '\(argument)'")
    }

    /// The longest `--timeout`: a year, far beyond any script, and small enough for every
    /// clock the deadline goes through.
    static let longestTimeout = 365 * 24 * 3600

    /// The smallest `--memory-limit`. The state with its libraries and the json module
    /// takes about 60 KiB at start-up (measured: 60K fails to start, 64K runs
    /// `print('ok')`); four times that leaves a small script room to run.
    static let smallestMemoryLimit = 256 << 10

    /// Seconds, whole or fractional, greater than zero: `30`, `0.5`.
    static func duration(_ text: String) throws(UsageFailure) -> Duration {
        guard let seconds = Double(text), !seconds.isNaN, seconds > 0 else {
            throw UsageFailure(
                description: "--timeout takes a number of seconds above 0, not '\(text)'")
        }
        guard seconds <= Double(longestTimeout) else {
            throw UsageFailure(
                description: "--timeout takes at most \(longestTimeout) seconds (a year), "
                    + "not '\(text)'")
        }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    /// Bytes, with an optional `K`, `M` or `G` suffix (powers of 1024): `512K`, `64M`.
    static func byteCount(_ text: String) throws(UsageFailure) -> Int {
        let failure = UsageFailure(
            description: "--memory-limit takes a size such as 512K, 64M or 1G, not '\(text)'")
        var digits = Substring(text)
        var unit = 1
        switch digits.last?.uppercased() {
        case "K": unit = 1 << 10
        case "M": unit = 1 << 20
        case "G": unit = 1 << 30
        default: break
        }
        if unit != 1 { digits = digits.dropLast() }
        guard let count = Int(digits), count > 0 else { throw failure }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: unit)
        guard !overflow else { throw failure }
        guard bytes >= smallestMemoryLimit else {
            throw UsageFailure(
                description: "--memory-limit must be at least 256K, which the Lua state and "
                    + "its modules need, not '\(text)'")
        }
        return bytes
    }
}
