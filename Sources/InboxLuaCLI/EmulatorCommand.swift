import FoundationEssentials
import HTTPServer
import InboxEmulator

#if canImport(Glibc)
    import Glibc
#endif

/// `inbox-lua emulator <subcommand>`: manage and serve the local emulator.
///
///     inbox-lua emulator reset  [--emulator PATH]
///     inbox-lua emulator serve  --port N --token T [--emulator PATH] [--rate-limit]
///     inbox-lua emulator export [--emulator PATH] [--output FILE]
///     inbox-lua emulator import FILE [--emulator PATH]
///     inbox-lua emulator receive THREAD_ID TEXT [--emulator PATH]
enum EmulatorCommand {
    static let usage = """
        usage: inbox-lua emulator reset  [--emulator PATH]
               inbox-lua emulator serve  --port N --token T [--emulator PATH] [--rate-limit]
               inbox-lua emulator export [--emulator PATH] [--output FILE]
               inbox-lua emulator import FILE [--emulator PATH]
               inbox-lua emulator receive THREAD_ID TEXT [--emulator PATH]
        """

    static let help =
        usage + """


            subcommands:
              reset    put the demo team back into the emulator
              serve    serve /api/v1 and /api/v2 over HTTP on 127.0.0.1 until Ctrl-C
              export   write the emulator's team as JSON (to stdout unless --output)
              import   replace the emulator's team with an export (FILE, or - for stdin)
              receive  store a reply from the person in THREAD_ID and print its id

            options:
              --emulator PATH  the emulator's SQLite file (default: the user's data folder)
              --port N         serve on port N (0 picks a free port)
              --token T        the bearer token clients must send to serve
              --rate-limit     serve with the Inbox API's rate limits
              --output FILE    export into FILE instead of stdout
            """

    /// The hint under a usage error, one line like the main command's.
    static let usageHint =
        "usage: inbox-lua emulator reset|serve|export|import|receive ...;"
        + " try 'inbox-lua emulator --help'"

    static func run(_ arguments: [String]) -> Int32 {
        guard let subcommand = arguments.first else { return usageError("missing subcommand") }
        if ["--help", "-h", "help"].contains(subcommand) {
            Output.standard(help + "\n")
            return 0
        }
        let options: EmulatorOptions
        do {
            options = try EmulatorOptions(Array(arguments.dropFirst()))
        } catch {
            return usageError("\(error)")
        }
        do {
            switch subcommand {
            case "reset": return try reset(options)
            case "serve": return try serve(options)
            case "export": return try export(options)
            case "import": return try importTeam(options)
            case "receive": return try receive(options)
            case "stress-writes": return try EmulatorStress.run(options)
            default: return usageError("unknown subcommand '\(subcommand)'")
            }
        } catch let failure as EmulatorOptions.UsageFailure {
            return usageError(failure.description)
        } catch let failure as EmulatorOptions.FileFailure {
            printError("inbox-lua: \(failure)")
            return 1
        } catch {
            printError("inbox-lua emulator \(subcommand): \(error)")
            return 1
        }
    }

    private static func reset(_ options: EmulatorOptions) throws -> Int32 {
        try options.expectPositional(0, "reset takes no arguments")
        let store = try options.openStore()
        try store.reset()
        printError("inbox-lua: the emulator at \(store.path) holds the demo team again")
        return 0
    }

    private static func serve(_ options: EmulatorOptions) throws -> Int32 {
        guard let token = options.token, !token.isEmpty else {
            throw EmulatorOptions.UsageFailure(description: "serve needs --token T")
        }
        try options.expectPositional(0, "serve takes no arguments")
        let store = try options.openStore()
        // Block the stop signals before the server's threads start, so they
        // inherit the mask and only `sigwait` below sees them.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        let server = try EmulatorServer(
            store: store, token: token, port: options.port ?? 0,
            rateLimits: options.rateLimit ? .inbox : nil)
        printError(
            "inbox-lua: serving the emulator at \(store.path) on \(server.baseURL)"
                + " (/api/v1 and /api/v2); Ctrl-C stops")
        var received: Int32 = 0
        sigwait(&stopSignals, &received)
        server.stop()
        return 0
    }

    private static func export(_ options: EmulatorOptions) throws -> Int32 {
        try options.expectPositional(0, "export takes no arguments")
        let document = Data(try options.openStore().exportTeam())
        if let output = options.output {
            try EmulatorOptions.write(document, to: output)
        } else {
            Output.standard(document)
        }
        return 0
    }

    private static func importTeam(_ options: EmulatorOptions) throws -> Int32 {
        try options.expectPositional(1, "import needs one FILE (or - for stdin)")
        let file = options.positional[0]
        let document =
            file == "-"
            ? Output.readInput()
            : try EmulatorOptions.read(file)
        let store = try options.openStore()
        try store.importTeam(Array(document))
        printError("inbox-lua: imported \(file) into the emulator at \(store.path)")
        return 0
    }

    /// Simulates a reply from the person in a thread, for trying workflows.
    private static func receive(_ options: EmulatorOptions) throws -> Int32 {
        try options.expectPositional(2, "receive needs THREAD_ID and TEXT")
        guard !options.positional[1].isEmpty else {
            throw EmulatorOptions.UsageFailure(description: "receive: the TEXT must not be empty")
        }
        let store = try options.openStore()
        let id = try store.receive(threadId: options.positional[0], content: options.positional[1])
        Output.standard(Data((id + "\n").utf8))
        return 0
    }

    private static func usageError(_ message: String) -> Int32 {
        printError("inbox-lua emulator: \(message)\n\(usageHint)")
        return 64
    }

    static func printError(_ text: String) {
        Output.error(text)
    }
}
